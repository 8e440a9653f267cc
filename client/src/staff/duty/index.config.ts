export default definePageConfig({
  navigationBarTitleText: '今日值班',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
