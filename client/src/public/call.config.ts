export default definePageConfig({
  navigationBarTitleText: '公开征题',
});
