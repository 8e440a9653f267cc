export default definePageConfig({ navigationBarTitleText: '考核权重' });
