import { useEffect } from 'react';
import { Image, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { StaffScreen } from '../components/StaffScreen';
import { useQuery } from '../../hooks/useQuery';
import './tablet.scss';

/**
 * For the station's tablet: a sign-in code that changes every 30 seconds. The page asks the
 * server again when the code turns (the code is an HMAC the server alone can make).
 */
export default function TabletPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const q = useQuery('duty.stationCode', id ? { workstationId: id } : null, id);
  const expiresAt = q.data?.expiresAt;
  const { reload } = q;
  useEffect(() => {
    const wait = expiresAt ? Math.max(500, new Date(expiresAt).getTime() - Date.now() + 300) : 30_000;
    const t = setTimeout(() => void reload(), wait);
    return () => clearTimeout(t);
  }, [expiresAt, reload]);

  return (
    <StaffScreen>
      <View className="tablet">
        <View className="tablet__name">{q.data?.workstationName ?? '加载中…'}</View>
        <View className="tablet__hint">委员值班签到：打开“我的值班”，点“扫码签到”扫描下方二维码</View>
        {q.data ? <Image className="tablet__qr" src={q.data.qr} mode="scaleToFill" /> : null}
        <View className="tablet__code">{q.data?.code ?? '------'}</View>
        <View className="tablet__hint">无法扫码时可输入 6 位签到码 · 每 30 秒更新</View>
        {q.error ? <View className="field__error">{q.error.message}</View> : null}
      </View>
    </StaffScreen>
  );
}
