export default definePageConfig({
  navigationBarTitleText: '邀请码管理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
