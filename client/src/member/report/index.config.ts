export default definePageConfig({ navigationBarTitleText: '我的社情民意', enablePullDownRefresh: true });
