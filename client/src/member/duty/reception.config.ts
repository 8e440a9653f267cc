export default definePageConfig({ navigationBarTitleText: '记录接待' });
