export default definePageConfig({
  navigationBarTitleText: '请假与调班',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
