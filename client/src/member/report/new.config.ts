export default definePageConfig({ navigationBarTitleText: '起草社情民意信息' });
