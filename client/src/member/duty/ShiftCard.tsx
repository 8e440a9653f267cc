import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyShift } from '@lxq/types';
import { LEAVE_STATUS_LABELS } from '@lxq/types/domain/duty';
import { OutcomeChip } from '../../components/OutcomeChip';
import { useMutation } from '../../hooks/useMutation';
import { currentLocation, locationMessage } from '../../services/location';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { lateLabel, shiftWhen } from '../../utils/duty';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

/** One of the member's shifts, with signing in and out when it is open: on 我的值班 and on the 委员 home. */
export function ShiftCard({ shift, onChanged }: { shift: MyShift; onChanged: () => void }) {
  const signIn = useMutation('duty.signIn');
  const signOut = useMutation('duty.signOut');
  const [code, setCode] = useState('');
  const [showCode, setShowCode] = useState(false);
  const [locError, setLocError] = useState('');
  const now = Date.now();
  const start = new Date(shift.start).getTime();
  const end = new Date(shift.end).getTime();
  const open = now >= start - 30 * 60_000 && now <= end && shift.status === 'scheduled';
  const me = shift.mine;
  const busy = signIn.loading || signOut.loading;
  const error = locError || signIn.error?.message || signOut.error?.message || '';

  const byLocation = async (out: boolean) => {
    setLocError('');
    let location;
    try {
      location = await currentLocation();
    } catch (e) {
      setLocError(locationMessage(e));
      return;
    }
    const done = await (out ? signOut : signIn).run({ shiftId: shift._id, location });
    if (done) {
      void Taro.showToast({ title: done.already ? '您已签过' : out ? '已签退' : '签到成功', icon: 'success' });
      onChanged();
    }
  };
  const byCode = async (text: string) => {
    const done = await signIn.run({ shiftId: shift._id, code: text.trim() });
    if (done) {
      void Taro.showToast({ title: done.already ? '您已签过' : '签到成功', icon: 'success' });
      onChanged();
    }
  };
  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') {
      setShowCode(true);
      return;
    }
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await byCode(r.result);
    } catch {
      setShowCode(true);
    }
  };

  return (
    <View className="card duty-card">
      <View className="row">
        <View className="duty-card__when">{shiftWhen(shift.start, shift.end)}</View>
        <View className="spacer" />
        {shift.status === 'cancelled' ? (
          <OutcomeChip outcome="absent" label="已取消" />
        ) : (
          <OutcomeChip
            outcome={me.outcome}
            label={me.outcome === 'late' ? lateLabel(shift.start, me.signedInAt) : undefined}
          />
        )}
      </View>
      <View className="duty-card__station">{shift.workstationName}</View>
      <View className="muted">同班：{shift.members.map((m) => m.name).join('、')}</View>
      {me.signedInAt ? (
        <View className="muted">
          签到 {formatChinaTime(me.signedInAt, 'HH:mm')}
          {me.distance !== null ? `（距工作站 ${me.distance} 米）` : me.method === 'code' ? '（扫码）' : ''}
          {me.signedOutAt
            ? ` · 签退 ${formatChinaTime(me.signedOutAt, 'HH:mm')}${me.earlyLeave ? '（早退）' : ''}`
            : ''}
        </View>
      ) : null}
      {shift.request ? (
        <View className="muted">
          {shift.request.kind === 'swap' ? '调班' : '请假'}申请：{LEAVE_STATUS_LABELS[shift.request.status]}
        </View>
      ) : null}
      {error ? <View className="field__error duty-card__error">{error}</View> : null}

      {open && !me.signedInAt && me.outcome === 'pending' ? (
        <View className="duty-card__actions">
          <Button type="primary" size="small" loading={busy} onClick={() => void byLocation(false)}>
            定位签到
          </Button>
          <Button size="small" disabled={busy} onClick={() => void scan()}>
            扫码签到
          </Button>
        </View>
      ) : null}
      {showCode && !me.signedInAt ? (
        <View className="duty-card__code">
          <Input
            value={code}
            maxLength={6}
            type="digit"
            placeholder="输入工作站平板上的 6 位签到码"
            onChange={(v) => setCode(v)}
          />
          <Button type="primary" size="small" loading={signIn.loading} onClick={() => void byCode(code)}>
            提交签到码
          </Button>
        </View>
      ) : null}
      {me.signedInAt && !me.signedOutAt && now <= end + 60 * 60_000 ? (
        <View className="duty-card__actions">
          <Button
            type="primary"
            size="small"
            onClick={() =>
              void Taro.navigateTo({
                url: `/member/duty/reception?shiftId=${shift._id}&workstationId=${shift.workstationId}`,
              })
            }
          >
            记录接待
          </Button>
          <Button size="small" loading={busy} onClick={() => void byLocation(true)}>
            定位签退
          </Button>
        </View>
      ) : null}
      {now < start && shift.status === 'scheduled' && me.outcome === 'pending' && !shift.request ? (
        <View className="duty-card__actions">
          <Text
            className="link"
            onClick={() =>
              void Taro.navigateTo({
                url: `/member/duty/leave?shiftId=${shift._id}&workstationId=${shift.workstationId}`,
              })
            }
          >
            请假 / 调班
          </Text>
        </View>
      ) : null}
    </View>
  );
}
