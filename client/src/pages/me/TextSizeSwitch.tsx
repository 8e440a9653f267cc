import { View } from '@tarojs/components';
import { setLargeText, useLargeText } from '../../services/textScale';
import { Switch } from '../../ui/switch';

/** The 大字模式 switch on 我的: its own block, so it reads as a setting of this phone. */
export function TextSizeSwitch() {
  const large = useLargeText();
  return (
    <View className="card row text-size">
      <View className="text-size__body">
        <View className="field__label">大字模式</View>
        <View className="muted">
          {large ? '已开启：字更大、按钮更大、对比更强' : '字太小看不清？打开后字和按钮都会变大'}
        </View>
      </View>
      <Switch checked={large} onChange={(v) => setLargeText(v)} aria-label="大字模式" />
    </View>
  );
}
