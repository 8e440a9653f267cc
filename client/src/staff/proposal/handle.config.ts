export default definePageConfig({ navigationBarTitleText: '承办提案' });
