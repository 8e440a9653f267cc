import { View } from '@tarojs/components';
import { Screen } from '../../components/Screen';

/** 社情民意信息: the staff page of the report domain. */
export default function ReportPage() {
  return (
    <Screen wide>
      <View className="card">
        <View className="card-title">社情民意信息</View>
        <View className="muted">这里将列出本单位的社情民意信息。</View>
      </View>
    </Screen>
  );
}
