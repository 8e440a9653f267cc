export default definePageConfig({
  navigationBarTitleText: '协商议事',
  enablePullDownRefresh: true,
});
