export default definePageConfig({
  navigationBarTitleText: '账号与换届',
});
