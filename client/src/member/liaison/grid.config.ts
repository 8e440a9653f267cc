export default definePageConfig({ navigationBarTitleText: '我联系的委员', enablePullDownRefresh: true });
