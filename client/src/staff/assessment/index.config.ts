export default definePageConfig({ navigationBarTitleText: '履职考核' });
