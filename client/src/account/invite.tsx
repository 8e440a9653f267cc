import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput, Me } from '@lxq/types';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Field } from '../components/Field';
import { Screen } from '../components/Screen';
import { useMe } from '../hooks/useMe';
import { useMutation } from '../hooks/useMutation';
import { call } from '../services/call';
import { CallError, toCallError } from '../services/errors';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { formatChinaTime } from '../utils/time';
import './invite.scss';

type Inspected = ActionOutput<'account.inspectInvitation'>;

const normalize = (v: string) =>
  v
    .replace(/[^0-9a-z]/gi, '')
    .toUpperCase()
    .slice(0, 8);

export default function InvitePage() {
  const { params } = useRouter();
  const initial = normalize(
    params.code ? decodeURIComponent(params.code) : params.scene ? decodeURIComponent(params.scene) : '',
  );
  const [code, setCode] = useState(initial);
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<CallError | null>(null);
  const [bound, setBound] = useState<Me | null>(null);
  const bind = useMutation('account.bindInvitation');
  const { reload } = useMe();

  const inspect = async (value: string) => {
    setChecking(true);
    setCheckError(null);
    setInspected(null);
    try {
      setInspected(await call('account.inspectInvitation', { code: value }));
    } catch (e) {
      setCheckError(toCallError(e));
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    if (initial.length === 8) void inspect(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onBind = async () => {
    const me = await bind.run({ code });
    if (me) {
      setBound(me);
      void reload();
    }
  };

  if (bound) {
    return (
      <Screen>
        <View className="card invite-done">
          <View className="invite-done__icon">✓</View>
          <View className="card-title">绑定成功</View>
          <View className="muted" style={{ margin: '12px 0 32px' }}>
            {bound.name}，您现在的身份：{bound.roles.map((r) => ROLE_LABELS[r]).join('、')}
            {bound.unit ? `（${bound.unit.name}）` : ''}
          </View>
          <Button type="primary" block onClick={() => void Taro.reLaunch({ url: '/pages/me/index' })}>
            进入「我的」
          </Button>
        </View>
      </Screen>
    );
  }

  const fieldError = checkError?.fields.code || '';
  const error = bind.error ?? checkError;

  return (
    <Screen>
      <View className="card">
        <View className="card-title">输入邀请码</View>
        <View className="muted" style={{ margin: '8px 0 24px' }}>
          委员和工作人员凭政协办公室发放的 8 位邀请码绑定身份。
        </View>
        <Field label="邀请码" error={fieldError}>
          <Input
            className="invite-code"
            value={code}
            maxLength={8}
            placeholder="8 位字母或数字"
            onChange={(v) => {
              setCode(normalize(v));
              setCheckError(null);
              setInspected(null);
              bind.reset();
            }}
          />
        </Field>
        <Button
          block
          type="primary"
          fill={inspected ? 'outline' : 'solid'}
          loading={checking}
          disabled={code.length !== 8 || checking}
          onClick={() => void inspect(code)}
        >
          查询邀请码
        </Button>
      </View>

      {error && !fieldError ? <View className="banner-error">{error.message}</View> : null}

      {inspected ? (
        <View className="card">
          <View className="muted">这是发给以下人员的邀请</View>
          <View className="invite-info">
            <View className="invite-info__row">
              <View className="invite-info__key">姓名</View>
              <View className="invite-info__val">{inspected.name}</View>
            </View>
            <View className="invite-info__row">
              <View className="invite-info__key">身份</View>
              <View className="invite-info__val">{ROLE_LABELS[inspected.role] ?? inspected.role}</View>
            </View>
            <View className="invite-info__row">
              <View className="invite-info__key">单位</View>
              <View className="invite-info__val">{inspected.unitName}</View>
            </View>
            <View className="invite-info__row">
              <View className="invite-info__key">有效期至</View>
              <View className="invite-info__val">{formatChinaTime(inspected.expiresAt)}</View>
            </View>
          </View>
          <Button type="primary" block size="large" loading={bind.loading} disabled={bind.loading} onClick={onBind}>
            绑定
          </Button>
          <View className="muted" style={{ marginTop: '12px', textAlign: 'center' }}>
            绑定后，本微信号即获得上述身份。如果不是您本人，请不要绑定。
          </View>
        </View>
      ) : null}
    </Screen>
  );
}
