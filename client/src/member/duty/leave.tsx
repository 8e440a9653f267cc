import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LIMITS } from '@lxq/types/limits';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Screen } from '../../components/Screen';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import '../../components/choices.scss';

export default function LeavePage() {
  const { params } = useRouter();
  const shiftId = params.shiftId ?? '';
  const workstationId = params.workstationId ?? '';
  const { me } = useMe();
  const members = useQuery('duty.stationMembers', workstationId ? { workstationId } : null, workstationId);
  const ask = useMutation('duty.requestLeave');
  const [kind, setKind] = useState<'leave' | 'swap'>('leave');
  const [partnerId, setPartnerId] = useState('');
  const [reason, setReason] = useState('');
  const e = ask.fieldErrors;

  const submit = async () => {
    const done = await ask.run({
      shiftId,
      kind,
      partnerId: kind === 'swap' ? partnerId || undefined : undefined,
      reason,
    });
    if (done) {
      await Taro.showToast({
        title: done.status === 'pending' ? '已提交，等待审批' : '已发给对方确认',
        icon: 'success',
      });
      setTimeout(() => void Taro.navigateBack(), 600);
    }
  };

  const others = (members.data?.items ?? []).filter((m) => m._id !== me?.userId);
  return (
    <Screen>
      <View className="card">
        <Field label="申请类型" required>
          <Radio.Group
            className="choices"
            value={kind}
            direction="horizontal"
            onChange={(v) => setKind(v as 'leave' | 'swap')}
          >
            <Radio value="leave" shape="button">
              请假
            </Radio>
            <Radio value="swap" shape="button">
              请人接班（调班）
            </Radio>
          </Radio.Group>
        </Field>
        {kind === 'swap' ? (
          <Field label="接班委员" required error={e.partnerId} hint="对方同意后，由工作人员审批">
            {members.loading ? (
              <View className="muted">加载中…</View>
            ) : others.length ? (
              <Radio.Group
                className="choices"
                value={partnerId}
                direction="horizontal"
                onChange={(v) => setPartnerId(String(v))}
              >
                {others.map((m) => (
                  <Radio key={m._id} value={m._id} shape="button">
                    {m.name}
                  </Radio>
                ))}
              </Radio.Group>
            ) : (
              <View className="muted">{members.error?.message ?? '本工作站没有其他委员'}</View>
            )}
          </Field>
        ) : null}
        <Field label="原因" required error={e.reason}>
          <TextArea
            value={reason}
            maxLength={LIMITS.leaveReason.max}
            placeholder="例如：参加市里会议"
            onChange={(v) => setReason(v)}
          />
        </Field>
        <FormError error={ask.error} fieldErrors={e} />
        <Button type="primary" block loading={ask.loading} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </Screen>
  );
}
