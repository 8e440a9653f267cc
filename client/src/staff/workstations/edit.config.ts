export default definePageConfig({ navigationBarTitleText: '工作站设置' });
