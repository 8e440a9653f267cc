import type { InvitationView } from '@lxq/types';
import { ROLE_LABELS } from '@lxq/types/roles';
import { useQuery } from '../../hooks/useQuery';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { runExport } from '../../services/exportJob';
import { useTableState } from '../components/useTableState';

const STATUS: Record<InvitationView['status'], string> = { open: '待使用', used: '已使用', expired: '已过期' };

const COLUMNS: Column<InvitationView>[] = [
  { key: 'name', title: '姓名', fixed: true, render: (i) => i.name, sortValue: (i) => i.name },
  { key: 'role', title: '身份', render: (i) => ROLE_LABELS[i.role] ?? i.role, sortValue: (i) => i.role },
  { key: 'code', title: '邀请码', render: (i) => <code>{i.code}</code>, sortValue: (i) => i.code },
  { key: 'unit', title: '单位', render: (i) => i.unitName, sortValue: (i) => i.unitName },
  { key: 'status', title: '状态', render: (i) => STATUS[i.status] ?? i.status, sortValue: (i) => i.status },
  {
    key: 'expires',
    title: '有效期至',
    render: (i) => formatChinaTime(i.expiresAt),
    sortValue: (i) => i.expiresAt,
  },
];

/** Invitations sent in the caller's scope, as a table (desktop console). */
export function InvitationTable({ reloadKey }: { reloadKey: string }) {
  const [state, set] = useTableState({ status: '' });
  const input = {
    page: Number(state.page) || 1,
    pageSize: Number(state.size) || 20,
    ...(state.status ? { status: state.status as InvitationView['status'] } : {}),
  };
  const list = useQuery('account.listInvitations', input, `${JSON.stringify(input)}|${reloadKey}`);
  return (
    <DataTable
      label="已发出的邀请"
      columns={COLUMNS}
      rows={list.data?.items ?? []}
      rowKey={(i) => i._id}
      total={list.data?.total ?? 0}
      loading={list.loading && !list.data}
      error={list.error?.message}
      state={state}
      setState={set}
      filters={[
        {
          key: 'status',
          label: '状态',
          kind: 'select',
          options: (['open', 'used', 'expired'] as const).map((s) => ({ value: s, label: STATUS[s] })),
        },
      ]}
      onExport={(progress) =>
        runExport({ kind: 'invitations', invitations: input.status ? { status: input.status } : {} }, progress)
      }
      emptyText="还没有发出邀请"
    />
  );
}
