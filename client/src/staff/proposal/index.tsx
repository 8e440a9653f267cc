import { View } from '@tarojs/components';
import { Screen } from '../../components/Screen';

/** 提案: the staff page of the proposal domain. */
export default function ProposalPage() {
  return (
    <Screen wide>
      <View className="card">
        <View className="card-title">提案</View>
        <View className="muted">这里将列出本单位的提案。</View>
      </View>
    </Screen>
  );
}
