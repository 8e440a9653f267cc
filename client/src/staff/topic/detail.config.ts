export default definePageConfig({
  navigationBarTitleText: '协商议题',
});
