export default definePageConfig({ navigationBarTitleText: '工作站考核' });
