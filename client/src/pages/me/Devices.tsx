import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { WebSessionView } from '@lxq/types';
import { Chip } from '../../components/Chip';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { randomId } from '../../services/random';
import { signOut, webSession } from '../../services/webLogin';
import { Button } from '../../ui/button';
import { formatChinaTime } from '../../utils/time';

/**
 * 我的 → 电脑端: this PC's 退出登录, and the PCs signed in as this person with a way to end
 * each (下线 takes effect on that PC's next call).
 */
export function Devices() {
  const [items, setItems] = useState<WebSessionView[] | null>(null);
  const [error, setError] = useState('');
  const [ending, setEnding] = useState('');
  const here = webSession();

  const load = useCallback(async () => {
    try {
      setItems((await call('account.listSessions', {})).items);
      setError('');
    } catch (e) {
      setError(toCallError(e).message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const end = async (id: string) => {
    setEnding(id);
    try {
      await call('account.endSession', { id }, { requestId: randomId(24) });
    } catch (e) {
      setError(toCallError(e).message);
    } finally {
      setEnding('');
      void load();
    }
  };

  return (
    <>
      <View className="section-title">已登录的设备</View>
      <View className="card me-devices">
        {here ? (
          <View className="me-devices__here">
            <View>本机已通过扫码登录（{here.name}）</View>
            <Button type="primary" fill="outline" onClick={() => void signOut()}>
              退出登录
            </Button>
          </View>
        ) : null}
        {error ? <View className="banner-error">{error}</View> : null}
        {items && items.length === 0 ? <View className="muted">没有在电脑上登录的设备</View> : null}
        {(items ?? []).map((s) => (
          <View key={s._id} className="me-devices__row">
            <View className="me-devices__body">
              <View className="me-devices__name">
                {s.device}
                {s.current ? <Chip className="me-devices__tag">本机</Chip> : null}
              </View>
              <View className="muted">登录于 {formatChinaTime(s.createdAt)}</View>
            </View>
            {s.current ? null : (
              <Button size="small" fill="outline" loading={ending === s._id} onClick={() => void end(s._id)}>
                下线
              </Button>
            )}
          </View>
        ))}
      </View>
    </>
  );
}
