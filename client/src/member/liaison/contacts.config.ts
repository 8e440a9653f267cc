export default definePageConfig({ navigationBarTitleText: '联系点与联系人', enablePullDownRefresh: true });
