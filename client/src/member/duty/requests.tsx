import { Text, View } from '@tarojs/components';
import type { LeaveView } from '@lxq/types';
import { LEAVE_STATUS_LABELS } from '@lxq/types/domain/duty';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { confirm } from '../../services/confirm';
import { FormError } from '../../components/FormError';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { shiftWhen } from '../../utils/duty';

/** The member's leave and swap requests, and swaps other members asked of them. */
export default function RequestsPage() {
  const list = usePaged('duty.myRequests', {});
  return (
    <Screen>
      {list.items.map((r) => (
        <RequestCard key={r._id} r={r} onChanged={() => void list.reload()} />
      ))}
      <ListState list={list} emptyText="暂无请假或调班申请" />
    </Screen>
  );
}

function RequestCard({ r, onChanged }: { r: LeaveView; onChanged: () => void }) {
  const answer = useMutation('duty.answerSwap');
  const reply = async (accept: boolean) => {
    if (!accept) {
      if (!(await confirm({ title: '确认拒绝', content: `拒绝接替${r.requesterName}的值班？`, confirmText: '拒绝' })))
        return;
    }
    if (await answer.run({ id: r._id, accept })) onChanged();
  };
  return (
    <View className="card">
      <View className="row">
        <Text className="card-title">
          {r.kind === 'swap' ? (r.askedOfMe ? `${r.requesterName}请您接班` : `请${r.partnerName}接班`) : '请假'}
        </Text>
        <View className="spacer" />
        <Text className="chip">{LEAVE_STATUS_LABELS[r.status]}</Text>
      </View>
      <View className="muted">
        {r.workstationName} · {shiftWhen(r.shiftStart, r.shiftEnd)}
      </View>
      <View className="muted">原因：{r.reason}</View>
      {r.decisionNote ? <View className="muted">审批意见：{r.decisionNote}</View> : null}
      <FormError error={answer.error} />
      {r.askedOfMe && r.status === 'awaiting_partner' ? (
        <View className="row" style={{ gap: '16px', marginTop: '16px' }}>
          <Button type="primary" size="small" loading={answer.loading} onClick={() => void reply(true)}>
            同意接班
          </Button>
          <Button size="small" disabled={answer.loading} onClick={() => void reply(false)}>
            拒绝
          </Button>
        </View>
      ) : null}
    </View>
  );
}
