export default definePageConfig({
  navigationBarTitleText: '分派给我',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
