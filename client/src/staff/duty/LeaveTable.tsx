import type { LeaveView } from '@lxq/types';
import { LEAVE_STATUS_LABELS } from '@lxq/types/domain/duty';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { randomId } from '../../services/random';
import { shiftWhen } from '../../utils/duty';
import { formatChinaTime } from '../../utils/time';
import { runExport } from '../../services/exportJob';
import { DataTable, type Column } from '../components/DataTable';
import { useTableState } from '../components/useTableState';

const COLUMNS: Column<LeaveView>[] = [
  {
    key: 'who',
    title: '申请人',
    fixed: true,
    render: (l) => (l.kind === 'swap' ? `${l.requesterName} → ${l.partnerName ?? ''}` : l.requesterName),
    sortValue: (l) => l.requesterName,
  },
  { key: 'kind', title: '类型', render: (l) => (l.kind === 'swap' ? '调班' : '请假'), sortValue: (l) => l.kind },
  { key: 'station', title: '工作站', render: (l) => l.workstationName, sortValue: (l) => l.workstationName },
  { key: 'shift', title: '班次', render: (l) => shiftWhen(l.shiftStart, l.shiftEnd), sortValue: (l) => l.shiftStart },
  { key: 'reason', title: '原因', wrap: true, render: (l) => l.reason },
  { key: 'status', title: '状态', render: (l) => LEAVE_STATUS_LABELS[l.status], sortValue: (l) => l.status },
  {
    key: 'at',
    title: '申请时间',
    render: (l) => formatChinaTime(l.createdAt),
    sortValue: (l) => l.createdAt,
  },
];

const decide = (approve: boolean) => async (rows: LeaveView[]) => {
  const refused: string[] = [];
  for (const l of rows) {
    try {
      await call('duty.decideLeave', { id: l._id, approve }, { requestId: randomId() });
    } catch (e) {
      refused.push(`${l.requesterName}：${(e as Error).message}`);
    }
  }
  return `${approve ? '已批准' : '已不批准'} ${rows.length - refused.length} 条${refused.length ? `；${refused.join('；')}` : ''}`;
};

/** Leave and swap requests of the unit's stations (desktop console): approve or refuse several at once. */
export function LeaveTable() {
  const [state, set] = useTableState({ status: 'pending' });
  const input = {
    page: Number(state.page) || 1,
    pageSize: Number(state.size) || 20,
    status: (state.status === 'all' ? 'all' : 'pending') as 'all' | 'pending',
  };
  const list = useQuery('duty.listLeaves', input, JSON.stringify(input));
  const after = (job: (rows: LeaveView[]) => Promise<string>) => async (rows: LeaveView[]) => {
    const said = await job(rows);
    void list.reload();
    return said;
  };
  return (
    <DataTable
      label="请假与调班"
      columns={COLUMNS}
      rows={list.data?.items ?? []}
      rowKey={(l) => l._id}
      total={list.data?.total ?? 0}
      loading={list.loading && !list.data}
      error={list.error?.message}
      state={state}
      setState={set}
      filters={[
        {
          key: 'status',
          label: '范围',
          kind: 'select',
          options: [
            { value: 'pending', label: '待审批' },
            { value: 'all', label: '全部（含已处理）' },
          ],
        },
      ]}
      bulk={[
        { label: '批准', applies: (l) => l.status === 'pending', run: after(decide(true)) },
        { label: '不批准', applies: (l) => l.status === 'pending', run: after(decide(false)) },
      ]}
      onExport={(progress) => runExport({ kind: 'leaves', leaves: { status: input.status } }, progress)}
      emptyText={state.status === 'all' ? '还没有申请' : '没有待审批的申请'}
    />
  );
}
