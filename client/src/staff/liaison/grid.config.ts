export default definePageConfig({ navigationBarTitleText: '网格化联系', enablePullDownRefresh: true });
