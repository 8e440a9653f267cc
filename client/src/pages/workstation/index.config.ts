export default definePageConfig({
  enableShareAppMessage: true,
  navigationBarTitleText: '委员工作站',
  enablePullDownRefresh: true,
});
