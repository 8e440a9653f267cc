import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AuditRow } from '@lxq/types';
import { ListState } from '../../components/ListState';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useStaffTable } from '../components/useStaffTable';
import { AdminTabs } from './AdminTabs';
import './admin.scss';

/** The actions an admin filters by most; any other is still listed in the log. */
const ACTIONS: [string, string][] = [
  ['admin.createUnit', '新建单位'],
  ['admin.renameUnit', '单位改名'],
  ['admin.moveUnit', '调整上级单位'],
  ['admin.retireUnit', '撤销单位'],
  ['admin.saveSector', '保存界别'],
  ['admin.saveCommittee', '保存专委会'],
  ['admin.linkWorkstation', '工作站关联界别'],
  ['admin.saveUnitLists', '保存诉求类别与走访时机'],
  ['admin.updateAccount', '修改账号'],
  ['admin.revokeAccount', '停用账号'],
  ['admin.resendInvitation', '重发邀请'],
  ['admin.endTerm', '换届'],
  ['admin.importCommit', '批量导入人员'],
  ['account.createInvitation', '发出邀请'],
  ['account.bindInvitation', '绑定邀请码'],
];

const COLUMNS: Column<AuditRow>[] = [
  { key: 'at', title: '时间', fixed: true, render: (e) => formatChinaTime(e.at), serverSort: true },
  { key: 'actor', title: '操作人', render: (e) => e.actorName },
  { key: 'action', title: '操作', render: (e) => e.actionLabel },
  { key: 'target', title: '对象', render: (e) => <Text className="adm-pre">{e.target}</Text>, wrap: true },
  { key: 'before', title: '修改前', render: (e) => <Text className="adm-pre">{e.before || '—'}</Text>, wrap: true },
  { key: 'after', title: '修改后', render: (e) => <Text className="adm-pre">{e.after || '—'}</Text>, wrap: true },
];

/**
 * 操作日志: who did what, with before and after, newest first — an admin's or staff member's
 * own subtree, filtered by person, action and dates on the server.
 */
export default function AuditPage() {
  const { me, isStaff, loading } = useMe();
  const isAdmin = !!me?.roles.includes('admin');
  const desktop = useDesktop();
  const log = useStaffTable('admin.auditLog', {
    columns: COLUMNS,
    defaults: { action: '', from: '', to: '' },
    // The log's search box names the person who acted (the action's `actor`).
    filters: (s) =>
      isStaff && desktop
        ? {
            ...(s.q ? { actor: s.q } : {}),
            ...(s.action ? { action: s.action } : {}),
            ...(s.from ? { from: s.from } : {}),
            ...(s.to ? { to: s.to } : {}),
          }
        : null,
  });

  if (!loading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">操作日志仅供政协工作人员和管理员查看。</View>
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="adm">
        {isAdmin ? <AdminTabs /> : null}
        {desktop ? (
          <DataTable
            label="操作日志"
            {...log.table}
            searchPlaceholder="操作人姓名"
            filters={[
              {
                key: 'action',
                label: '操作',
                kind: 'select',
                options: ACTIONS.map(([value, label]) => ({ value, label })),
              },
              { key: 'from', label: '从', kind: 'date' },
              { key: 'to', label: '到', kind: 'date' },
            ]}
            emptyText="没有符合条件的记录"
          />
        ) : (
          <PhoneAudit enabled={isStaff} />
        )}
      </View>
    </StaffScreen>
  );
}

function PhoneAudit(p: { enabled: boolean }) {
  const [q, setQ] = useState('');
  const [actor, setActor] = useState('');
  const list = usePaged('admin.auditLog', actor ? { actor } : {}, { pageSize: 20, enabled: p.enabled, key: actor });
  return (
    <View>
      <View className="card row" style={{ gap: '16px' }}>
        <Input value={q} placeholder="操作人姓名" onChange={setQ} aria-label="操作人" />
        <Button type="primary" onClick={() => setActor(q.trim())}>
          筛选
        </Button>
      </View>
      {list.items.map((e) => (
        <View key={e._id} className="card">
          <View className="row" style={{ flexWrap: 'wrap', gap: '12px' }}>
            <Text className="adm-line__name">{e.actionLabel}</Text>
            <Text className="adm-line__meta">{e.actorName}</Text>
            <View className="spacer" />
            <Text className="adm-line__meta">{formatChinaTime(e.at, 'MM-DD HH:mm')}</Text>
          </View>
          <View className="adm-pre">{e.target}</View>
          {e.before ? <View className="adm-pre">修改前：{e.before}</View> : null}
          {e.after ? <View className="adm-pre">修改后：{e.after}</View> : null}
        </View>
      ))}
      <ListState list={list} emptyText="还没有操作记录" />
    </View>
  );
}
