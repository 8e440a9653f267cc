export default definePageConfig({
  navigationBarTitleText: '委员',
  enablePullDownRefresh: true,
});
