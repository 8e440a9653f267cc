export default definePageConfig({ navigationBarTitleText: '联系界别群众', enablePullDownRefresh: true });
