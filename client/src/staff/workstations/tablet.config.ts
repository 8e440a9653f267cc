export default definePageConfig({ navigationBarTitleText: '值班签到码' });
