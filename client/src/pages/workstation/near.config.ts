export default definePageConfig({
  navigationBarTitleText: '附近的工作站',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
