export default definePageConfig({ navigationBarTitleText: '编辑社情民意信息' });
