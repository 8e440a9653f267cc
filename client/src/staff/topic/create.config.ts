export default definePageConfig({
  navigationBarTitleText: '新增协商议题',
});
