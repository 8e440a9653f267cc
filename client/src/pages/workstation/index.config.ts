export default definePageConfig({
  navigationBarTitleText: '委员工作站',
  enablePullDownRefresh: true,
});
