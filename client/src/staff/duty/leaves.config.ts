export default definePageConfig({
  navigationBarTitleText: '请假与调班审批',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
