export default definePageConfig({
  navigationBarTitleText: '我的值班',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
