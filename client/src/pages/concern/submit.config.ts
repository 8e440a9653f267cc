export default definePageConfig({
  enableShareAppMessage: true,
  navigationBarTitleText: '反映诉求',
});
