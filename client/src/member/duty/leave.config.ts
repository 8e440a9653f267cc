export default definePageConfig({ navigationBarTitleText: '请假 / 调班' });
