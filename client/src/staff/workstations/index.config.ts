export default definePageConfig({
  navigationBarTitleText: '工作站管理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
