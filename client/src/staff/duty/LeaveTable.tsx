import type { LeaveView } from '@lxq/types';
import { LEAVE_STATUS_LABELS } from '@lxq/types/domain/duty';
import { call } from '../../services/call';
import { randomId } from '../../services/random';
import { shiftWhen } from '../../utils/duty';
import { formatChinaTime } from '../../utils/time';
import { runExport } from '../../services/exportJob';
import { DataTable, type Column } from '../components/DataTable';
import { useStaffTable } from '../components/useStaffTable';

// Only the time of the request is ordered by the server over every page (unit_path_status, unit_path_created).
const COLUMNS: Column<LeaveView>[] = [
  {
    key: 'who',
    title: '申请人',
    fixed: true,
    render: (l) => (l.kind === 'swap' ? `${l.requesterName} → ${l.partnerName ?? ''}` : l.requesterName),
  },
  { key: 'kind', title: '类型', render: (l) => (l.kind === 'swap' ? '调班' : '请假') },
  { key: 'station', title: '工作站', render: (l) => l.workstationName },
  { key: 'shift', title: '班次', render: (l) => shiftWhen(l.shiftStart, l.shiftEnd) },
  { key: 'reason', title: '原因', wrap: true, render: (l) => l.reason },
  { key: 'status', title: '状态', render: (l) => LEAVE_STATUS_LABELS[l.status] },
  { key: 'at', title: '申请时间', render: (l) => formatChinaTime(l.createdAt), serverSort: 'createdAt' },
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
  const { state, list, filters, table } = useStaffTable('duty.listLeaves', {
    columns: COLUMNS,
    defaults: { status: 'pending' },
    filters: (s) => ({ status: (s.status === 'all' ? 'all' : 'pending') as 'all' | 'pending' }),
    search: '搜索申请人',
  });
  const after = (job: (rows: LeaveView[]) => Promise<string>) => async (rows: LeaveView[]) => {
    const said = await job(rows);
    void list.reload();
    return said;
  };
  return (
    <DataTable
      label="请假与调班"
      {...table}
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
      onExport={(progress) => runExport({ kind: 'leaves', leaves: filters ?? { status: 'pending' } }, progress)}
      emptyText={state.status === 'all' ? '还没有申请' : '没有待审批的申请'}
    />
  );
}
