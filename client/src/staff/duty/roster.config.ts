export default definePageConfig({
  navigationBarTitleText: '排班',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
