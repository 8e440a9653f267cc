import type { WorkstationSummary } from '@lxq/types';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { useQuery } from '../../hooks/useQuery';
import { runExport } from '../../services/exportJob';
import { DataTable, type Column } from '../components/DataTable';
import { Go } from '../components/StaffScreen';
import { useTableState } from '../components/useTableState';

const COLUMNS: Column<WorkstationSummary>[] = [
  { key: 'name', title: '名称', wrap: true, fixed: true, render: (w) => w.name, sortValue: (w) => w.name },
  {
    key: 'kind',
    title: '类型',
    render: (w) => WORKSTATION_KIND_LABELS[w.kind],
    sortValue: (w) => WORKSTATION_KIND_LABELS[w.kind],
  },
  { key: 'address', title: '地址', wrap: true, render: (w) => w.address, sortValue: (w) => w.address },
  { key: 'hours', title: '接待时间', render: (w) => w.openingHours || '—' },
  {
    key: 'actions',
    title: '操作',
    fixed: true,
    render: (w) => (
      <span className="station-actions">
        <Go className="desk-link" url={`/staff/workstations/edit?id=${w._id}`} push>
          编辑
        </Go>
        <Go className="desk-link" url={`/staff/workstations/qr?id=${w._id}`} push>
          二维码与海报
        </Go>
        {w.kind !== 'report_point' ? (
          <Go className="desk-link" url={`/staff/workstations/tablet?id=${w._id}`} push>
            平板签到码
          </Go>
        ) : null}
      </span>
    ),
  },
];

/** The unit's workstations as a table (desktop console), each with its edit, QR and tablet pages. */
export function StationTable({ unitId }: { unitId: string }) {
  const [state, set] = useTableState({});
  const input = { unitId, page: Number(state.page) || 1, pageSize: Number(state.size) || 20 };
  const list = useQuery('org.listWorkstations', input, JSON.stringify(input));
  return (
    <DataTable
      label="工作站"
      columns={COLUMNS}
      rows={list.data?.items ?? []}
      rowKey={(w) => w._id}
      total={list.data?.total ?? 0}
      loading={list.loading && !list.data}
      error={list.error?.message}
      state={state}
      setState={set}
      onExport={(progress) => runExport({ kind: 'workstations' }, progress)}
      emptyText="还没有工作站"
    />
  );
}
