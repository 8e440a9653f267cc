import type { InvitationView } from '@lxq/types';
import { ROLE_LABELS } from '@lxq/types/roles';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { runExport } from '../../services/exportJob';
import { useStaffTable } from '../components/useStaffTable';

const STATUS: Record<InvitationView['status'], string> = { open: '待使用', used: '已使用', expired: '已过期' };

// Only the time sent is ordered by the server over every page (unit_path_created).
const COLUMNS: Column<InvitationView>[] = [
  { key: 'name', title: '姓名', fixed: true, render: (i) => i.name },
  { key: 'role', title: '身份', render: (i) => ROLE_LABELS[i.role] ?? i.role },
  { key: 'code', title: '邀请码', render: (i) => <code>{i.code}</code> },
  { key: 'unit', title: '单位', render: (i) => i.unitName },
  { key: 'status', title: '状态', render: (i) => STATUS[i.status] ?? i.status },
  { key: 'created', title: '发出时间', render: (i) => formatChinaTime(i.createdAt), serverSort: 'createdAt' },
  { key: 'expires', title: '有效期至', render: (i) => formatChinaTime(i.expiresAt) },
];

/** Invitations sent in the caller's scope, as a table (desktop console). */
export function InvitationTable({ reloadKey }: { reloadKey: string }) {
  const { filters, table } = useStaffTable('account.listInvitations', {
    columns: COLUMNS,
    defaults: { status: '' },
    filters: (s) => (s.status ? { status: s.status as InvitationView['status'] } : {}),
    search: '搜索姓名',
    reloadKey,
  });
  return (
    <DataTable
      label="已发出的邀请"
      {...table}
      filters={[
        {
          key: 'status',
          label: '状态',
          kind: 'select',
          options: (['open', 'used', 'expired'] as const).map((s) => ({ value: s, label: STATUS[s] })),
        },
      ]}
      onExport={(progress) => runExport({ kind: 'invitations', invitations: filters ?? {} }, progress)}
      emptyText="还没有发出邀请"
    />
  );
}
