import { View } from '@tarojs/components';
import { Screen } from '../../components/Screen';

/** 协商议题: the staff page of the topic domain. */
export default function TopicPage() {
  return (
    <Screen wide>
      <View className="card">
        <View className="card-title">协商议题</View>
        <View className="muted">这里将列出本单位的协商议题。</View>
      </View>
    </Screen>
  );
}
