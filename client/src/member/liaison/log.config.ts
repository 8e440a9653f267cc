export default definePageConfig({ navigationBarTitleText: '记联系记录' });
