export default definePageConfig({
  navigationBarTitleText: '推荐协商议题',
});
