export default definePageConfig({
  navigationBarTitleText: '协商议事公示',
});
