import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AccountRow } from '@lxq/types';
import { ROLE_LABELS } from '@lxq/types/roles';
import { ListState } from '../../components/ListState';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useStaffTable } from '../components/useStaffTable';
import { AccountEditor } from './AccountEditor';
import { AdminTabs } from './AdminTabs';
import { TermCard } from './TermCard';
import './admin.scss';

const STATUS: Record<AccountRow['status'], string> = { active: '在用', revoked: '已停用', termEnded: '任期已结束' };
const rolesText = (a: AccountRow) => a.roles.map((r) => ROLE_LABELS[r]).join('、') || '无';
const statusText = (a: AccountRow) => (a.status === 'termEnded' && a.term ? `${a.term}任期已结束` : STATUS[a.status]);

const COLUMNS: Column<AccountRow>[] = [
  { key: 'name', title: '姓名', fixed: true, render: (a) => a.name, serverSort: true },
  { key: 'roles', title: '身份', render: rolesText },
  { key: 'unit', title: '单位', render: (a) => a.unitName, wrap: true },
  { key: 'phone', title: '手机号', render: (a) => a.phone },
  { key: 'status', title: '状态', render: statusText },
];

/** 账号与换届: everyone in the admin's subtree, searched and paged by the server; 换届; invitations to re-send. */
export default function AdminAccountsPage() {
  const { me, loading } = useMe();
  const isAdmin = !!me?.roles.includes('admin');
  const desktop = useDesktop();
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<AccountRow | null>(null);
  const tree = useQuery('admin.orgTree', isAdmin ? {} : null, String(isAdmin));
  const units = tree.data?.items ?? [];
  const accounts = useStaffTable('admin.listAccounts', {
    columns: COLUMNS,
    defaults: { role: '', unit: '' },
    filters: (s) =>
      isAdmin && desktop
        ? {
            ...(s.role ? { role: s.role as AccountRow['roles'][number] } : {}),
            ...(s.unit ? { unitId: s.unit } : {}),
          }
        : null,
    search: '姓名或手机号',
    reloadKey: String(version),
  });
  // The editor opens at the top of the page: bring it into view (on a phone the row may be far below).
  const openAccount = (a: AccountRow) => {
    setOpened(a);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const done = () => {
    setOpened(null);
    setVersion((v) => v + 1);
  };

  if (!loading && !isAdmin) {
    return (
      <StaffScreen>
        <View className="card muted">系统管理仅供管理员使用。</View>
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="adm">
        <AdminTabs />
        {opened ? (
          <AccountEditor
            key={opened._id}
            account={opened}
            units={units}
            onDone={done}
            onClose={() => setOpened(null)}
          />
        ) : null}
        {desktop ? (
          <DataTable
            label="账号"
            {...accounts.table}
            filters={[
              {
                key: 'role',
                label: '身份',
                kind: 'select',
                options: (['member', 'staff', 'admin'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] })),
              },
              {
                key: 'unit',
                label: '单位',
                kind: 'select',
                options: units.map((u) => ({ value: u._id, label: u.name })),
              },
            ]}
            onOpen={openAccount}
            activeKey={opened?._id}
            emptyText="没有符合条件的账号"
            extra={<Text className="muted">点一行可修改身份、单位或停用</Text>}
          />
        ) : null}
        <TermCard units={units} scopeUnitId={tree.data?.scopeUnitId ?? ''} onDone={() => setVersion((v) => v + 1)} />
        <PendingInvitations />
        {/* On a phone the list grows as it scrolls, so it comes last. */}
        {desktop ? null : <PhoneAccounts enabled={isAdmin} version={version} onOpen={openAccount} />}
      </View>
    </StaffScreen>
  );
}

/** The phone's list: a search box and cards, the next page as the list scrolls. */
function PhoneAccounts(p: { enabled: boolean; version: number; onOpen: (a: AccountRow) => void }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const list = usePaged('admin.listAccounts', query ? { q: query } : {}, {
    pageSize: 20,
    enabled: p.enabled,
    key: `${query}|${p.version}`,
  });
  return (
    <View>
      <View className="card row" style={{ gap: '16px' }}>
        <Input value={q} placeholder="姓名或手机号" onChange={setQ} aria-label="搜索账号" />
        <Button type="primary" onClick={() => setQuery(q.trim())}>
          搜索
        </Button>
      </View>
      <View className="section-title">账号{list.total ? `（${list.total}）` : ''}</View>
      {list.items.map((a) => (
        <View key={a._id} className="card adm-card" onClick={() => p.onOpen(a)}>
          <Text className="adm-line__name">{a.name}</Text>
          <Text className="adm-line__meta">{rolesText(a)}</Text>
          <Text className="adm-line__meta">{a.unitName}</Text>
          <View className="spacer" />
          <Text className="chip">{statusText(a)}</Text>
        </View>
      ))}
      <ListState list={list} emptyText="没有符合条件的账号" />
    </View>
  );
}

/** Invitations nobody has used yet (open or expired): 重发 gives a new code valid another week. */
function PendingInvitations() {
  const [version, setVersion] = useState(0);
  const [sent, setSent] = useState<Record<string, string>>({});
  const open = useQuery('account.listInvitations', { status: 'open', pageSize: 20 }, String(version));
  const expired = useQuery('account.listInvitations', { status: 'expired', pageSize: 20 }, String(version));
  const resend = useMutation('admin.resendInvitation');
  const items = [...(expired.data?.items ?? []), ...(open.data?.items ?? [])];
  return (
    <View className="card" id="adm-invitations">
      <View className="card-title">未使用的邀请（{(open.data?.total ?? 0) + (expired.data?.total ?? 0)}）</View>
      {resend.error ? <View className="banner-error">{resend.error.message}</View> : null}
      {items.map((inv) => (
        <View key={inv._id} className="adm-line">
          <Text className="adm-line__name">{inv.name}</Text>
          <Text className="adm-line__meta">
            {ROLE_LABELS[inv.role]} · {inv.unitName}
          </Text>
          <Text className="adm-code">{sent[inv._id] ?? inv.code}</Text>
          <Text className="adm-line__meta">
            {inv.status === 'expired' && !sent[inv._id]
              ? '已过期'
              : `至 ${formatChinaTime(inv.expiresAt, 'MM-DD HH:mm')}`}
          </Text>
          <View className="spacer" />
          <Button
            fill="outline"
            disabled={resend.loading}
            onClick={async () => {
              const r = await resend.run({ invitationId: inv._id });
              if (r) setSent((s) => ({ ...s, [inv._id]: r.code }));
              if (r && inv.status === 'expired') setVersion((v) => v + 1);
            }}
          >
            {sent[inv._id] ? '已重发' : '重发'}
          </Button>
        </View>
      ))}
      {items.length === 0 ? <View className="muted">没有未使用的邀请</View> : null}
    </View>
  );
}
