import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { Screen } from '../components/Screen';
import { useMutation } from '../hooks/useMutation';
import { call } from '../services/call';
import { toCallError } from '../services/errors';
import { Button } from '../ui/button';
import { formatChinaTime } from '../utils/time';
import './weblogin.scss';

type Seen = ActionOutput<'account.webLoginInspect'>;

/**
 * What a scan of the PC's code opens in the mini-program (scene = the login id): which device
 * asks and when, and the person's yes or no. On the emulator, opening this page as a chosen
 * account is the scan.
 */
export default function WebLoginConfirmPage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.scene ?? params.id ?? '');
  const [seen, setSeen] = useState<Seen | null>(null);
  const [loadError, setLoadError] = useState('');
  const [done, setDone] = useState<'confirmed' | 'refused' | null>(null);
  const confirm = useMutation('account.webLoginConfirm');
  const refuse = useMutation('account.webLoginRefuse');

  useEffect(() => {
    call('account.webLoginInspect', { id })
      .then(setSeen)
      .catch((e: unknown) => setLoadError(toCallError(e).message));
  }, [id]);

  const back = () => void Taro.reLaunch({ url: '/pages/me/index' });
  const error = loadError || confirm.error?.message || refuse.error?.message || '';

  if (done) {
    return (
      <Screen>
        <View className="card wlc">
          <View className={`wlc__icon ${done === 'refused' ? 'wlc__icon--no' : ''}`}>
            {done === 'confirmed' ? '✓' : '✕'}
          </View>
          <View className="wlc__title">{done === 'confirmed' ? '已在电脑上登录' : '已拒绝这次登录'}</View>
          <View className="muted wlc__line">
            {done === 'confirmed' ? '可在「我的 → 已登录的设备」中随时让它下线。' : '电脑上的二维码已失效，不会登录。'}
          </View>
          <Button type="primary" block onClick={back}>
            返回「我的」
          </Button>
        </View>
      </Screen>
    );
  }

  return (
    <Screen>
      <View className="card wlc">
        <View className="wlc__pc">PC</View>
        <View className="wlc__title">在电脑上登录连心桥？</View>
        {seen ? (
          <>
            <View className="wlc__line">设备：{seen.device}</View>
            <View className="wlc__line">时间：{formatChinaTime(seen.startedAt, 'MM-DD HH:mm:ss')}</View>
            <View className="muted wlc__line">请确认是您本人正在这台电脑前操作；不是您本人请点「拒绝」。</View>
          </>
        ) : null}
        {error ? <View className="banner-error">{error}</View> : null}
        {seen && !loadError ? (
          <>
            <Button
              type="primary"
              block
              loading={confirm.loading}
              disabled={refuse.loading}
              onClick={() => void confirm.run({ id }).then((r) => r && setDone('confirmed'))}
            >
              确认登录
            </Button>
            <View className="wlc__gap" />
            <Button
              block
              fill="outline"
              loading={refuse.loading}
              disabled={confirm.loading}
              onClick={() => void refuse.run({ id }).then((r) => r && setDone('refused'))}
            >
              拒绝
            </Button>
          </>
        ) : !seen && !error ? (
          <View className="muted">正在读取登录请求…</View>
        ) : (
          <Button block fill="outline" onClick={back}>
            返回
          </Button>
        )}
      </View>
    </Screen>
  );
}
