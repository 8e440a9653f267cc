import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LeaveView } from '@lxq/types';
import { LEAVE_STATUS_LABELS } from '@lxq/types/domain/duty';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { LeaveTable } from './LeaveTable';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { shiftWhen } from '../../utils/duty';

export default function LeaveApprovalsPage() {
  const desktop = useDesktop();
  const list = usePaged('duty.listLeaves', { status: 'pending' }, { enabled: !desktop });
  if (desktop) {
    return (
      <StaffScreen>
        <LeaveTable />
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      {list.items.map((l) => (
        <Decision key={l._id} l={l} onDone={() => void list.reload()} />
      ))}
      <ListState list={list} emptyText="没有待审批的申请" />
    </StaffScreen>
  );
}

function Decision({ l, onDone }: { l: LeaveView; onDone: () => void }) {
  const decide = useMutation('duty.decideLeave');
  const go = async (approve: boolean) => {
    const ok = await Taro.showModal({
      title: approve ? '批准申请' : '不批准',
      content: approve ? '批准后排班将随之调整，并通知相关委员。' : '确认不批准这条申请？',
    });
    if (!ok.confirm) return;
    if (await decide.run({ id: l._id, approve })) onDone();
  };
  return (
    <View className="card">
      <View className="row">
        <Text className="card-title">
          {l.kind === 'swap' ? `${l.requesterName} → ${l.partnerName} 调班` : `${l.requesterName} 请假`}
        </Text>
        <View className="spacer" />
        <Text className="chip">{LEAVE_STATUS_LABELS[l.status]}</Text>
      </View>
      <View className="muted">
        {l.workstationName} · {shiftWhen(l.shiftStart, l.shiftEnd)}
      </View>
      <View className="muted">原因：{l.reason}</View>
      {decide.error ? <View className="field__error">{decide.error.message}</View> : null}
      <View className="row" style={{ gap: '16px', marginTop: '16px' }}>
        <Button type="primary" size="small" loading={decide.loading} onClick={() => void go(true)}>
          批准
        </Button>
        <Button size="small" disabled={decide.loading} onClick={() => void go(false)}>
          不批准
        </Button>
      </View>
    </View>
  );
}
