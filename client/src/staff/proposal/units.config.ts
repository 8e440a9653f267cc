export default definePageConfig({ navigationBarTitleText: '承办单位' });
