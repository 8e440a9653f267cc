export default definePageConfig({
  navigationBarTitleText: '通知消息',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
