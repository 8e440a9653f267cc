import type { WorkstationSummary } from '@lxq/types';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { runExport } from '../../services/exportJob';
import { DataTable, type Column } from '../components/DataTable';
import { Go } from '../components/StaffScreen';
import { useStaffTable } from '../components/useStaffTable';

const COLUMNS: Column<WorkstationSummary>[] = [
  { key: 'name', title: '名称', wrap: true, fixed: true, render: (w) => w.name, serverSort: true },
  { key: 'kind', title: '类型', render: (w) => WORKSTATION_KIND_LABELS[w.kind] },
  { key: 'address', title: '地址', wrap: true, render: (w) => w.address },
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
  const stations = useStaffTable('org.listWorkstations', {
    columns: COLUMNS,
    filters: () => ({ unitId }),
    search: '搜索工作站名称',
  });
  return (
    <DataTable
      label="工作站"
      {...stations.table}
      onExport={(progress) => runExport({ kind: 'workstations', workstations: { q: stations.filters?.q } }, progress)}
      emptyText="还没有工作站"
    />
  );
}
