import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProposalRow } from '@lxq/types';
import {
  PROPOSAL_KINDS,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUSES,
  PROPOSAL_STATUS_LABELS,
} from '@lxq/types/domain/proposal';
import { ProposalStatusChip } from '../../components/ProposalParts';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useStaffTable } from '../components/useStaffTable';
import '../../components/ProposalParts.scss';

// Only the submission time is ordered by the server over every page (unit_submitted, unit_session_submitted).
const COLUMNS: Column<ProposalRow>[] = [
  { key: 'title', title: '案由', wrap: true, fixed: true, render: (p) => `${p.key ? '【重点】' : ''}${p.title}` },
  { key: 'kind', title: '类型', render: (p) => PROPOSAL_KIND_LABELS[p.kind] },
  { key: 'who', title: '提案人', render: (p) => (p.kind === 'sector' ? `${p.sectorName}界别` : p.proposerName) },
  { key: 'cosigners', title: '联名', render: (p) => String(p.confirmedCosigners) },
  { key: 'session', title: '届次', render: (p) => p.sessionName },
  { key: 'status', title: '状态', render: (p) => PROPOSAL_STATUS_LABELS[p.status] },
  { key: 'due', title: '办理期限', render: (p) => p.dueOn ?? '—' },
  { key: 'at', title: '提交时间', render: (p) => formatChinaTime(p.submittedAt), serverSort: 'submittedAt' },
];

const open = (id: string) => void Taro.navigateTo({ url: `/staff/proposal/detail?id=${id}` });

/** 提案: the unit's submitted proposals by session, kind and state, the sessions, and the figures. */
export default function StaffProposalsPage() {
  const { isStaff, loading } = useMe();
  const desktop = useDesktop();
  const [adding, setAdding] = useState(false);
  const { state, list, table } = useStaffTable('proposal.list', {
    columns: COLUMNS,
    defaults: { sessionId: '', kind: '', status: '' },
    filters: (s) =>
      isStaff
        ? {
            ...(s.sessionId ? { sessionId: s.sessionId } : {}),
            ...(s.kind ? { kind: s.kind as ProposalRow['kind'] } : {}),
            ...(s.status ? { status: s.status as ProposalRow['status'] } : {}),
          }
        : null,
    search: '搜索案由',
  });
  const sessions = useQuery('proposal.sessions', isStaff ? {} : null, 'sessions');
  const figures = useQuery(
    'proposal.figures',
    isStaff ? (state.sessionId ? { sessionId: state.sessionId } : {}) : null,
    state.sessionId,
  );
  if (!loading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">提案管理仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  const f = figures.data;
  const exportList = async () => {
    const res = await call('proposal.export', state.sessionId ? { sessionId: state.sessionId } : {});
    await openWorkbook(res.url, res.fileName);
  };
  return (
    <StaffScreen
      wide
      actions={
        <View className="row" style={{ gap: '12px' }}>
          <Button size="small" onClick={() => setAdding(true)}>
            新建届次会议
          </Button>
          <Button size="small" onClick={() => void Taro.navigateTo({ url: '/staff/proposal/units' })}>
            承办单位
          </Button>
        </View>
      }
    >
      {f ? (
        <View className="card">
          <View className="row" style={{ flexWrap: 'wrap', gap: '24px' }}>
            <Text>提交 {f.submitted} 件</Text>
            <Text>立案 {f.filed} 件</Text>
            <Text>立案率 {f.rate}%</Text>
            <Text>并案 {f.merged} 件</Text>
            <Text>重点提案 {f.key} 件</Text>
            <Text>
              按期答复 {f.answeredOnTime}/{f.answered}
            </Text>
            <Text>
              满意 {f.ratings.satisfied} · 基本满意 {f.ratings.basically} · 不满意 {f.ratings.unsatisfied}
            </Text>
          </View>
          <View className="muted">
            按类型：{f.byKind.map((r) => `${r.label} ${r.filed}/${r.submitted}（${r.rate}%）`).join('；') || '—'}
          </View>
          {f.sectorsWithout.length ? (
            <View className="muted">本年度尚未提交界别提案：{f.sectorsWithout.map((s) => s.name).join('、')}</View>
          ) : null}
        </View>
      ) : null}
      {adding || !desktop ? (
        <SessionForm shown={adding} setShown={setAdding} onDone={() => void sessions.reload()} />
      ) : null}
      {desktop ? (
        <DataTable
          label="提案"
          {...table}
          filters={[
            {
              key: 'sessionId',
              label: '届次',
              kind: 'select',
              options: (sessions.data ?? []).map((s) => ({ value: s._id, label: s.name })),
            },
            {
              key: 'kind',
              label: '类型',
              kind: 'select',
              options: PROPOSAL_KINDS.map((k) => ({ value: k, label: PROPOSAL_KIND_LABELS[k] })),
            },
            {
              key: 'status',
              label: '状态',
              kind: 'select',
              options: PROPOSAL_STATUSES.filter((s) => s !== 'draft').map((s) => ({
                value: s,
                label: PROPOSAL_STATUS_LABELS[s],
              })),
            },
          ]}
          onExport={exportList}
          onOpen={(p) => open(p._id)}
          emptyText="没有符合条件的提案"
        />
      ) : (
        <>
          {(list.data?.items ?? []).map((p) => (
            <View key={p._id} className="card proposal-row" onClick={() => open(p._id)}>
              <View className="row">
                <Text className="proposal-row__title">{p.title}</Text>
                <ProposalStatusChip status={p.status} />
              </View>
              <View className="muted">
                {PROPOSAL_KIND_LABELS[p.kind]} · {p.proposerName} · {p.sessionName}
              </View>
            </View>
          ))}
          {list.data && !list.data.items.length ? <View className="card muted">还没有提交的提案</View> : null}
        </>
      )}
    </StaffScreen>
  );
}

/** 新建届次会议: the session's name and the dates proposals may be submitted. */
function SessionForm({
  shown,
  setShown,
  onDone,
}: {
  shown: boolean;
  setShown: (v: boolean) => void;
  onDone: () => void;
}) {
  const [name, setName] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const create = useMutation('proposal.createSession');
  if (!shown) {
    return (
      <View className="proposal-actions" style={{ marginBottom: '12px' }}>
        <Button size="small" onClick={() => setShown(true)}>
          新建届次会议
        </Button>
      </View>
    );
  }
  const e = create.fieldErrors;
  return (
    <View className="card">
      <View className="card-title">新建届次会议</View>
      <Input value={name} placeholder="会议名称，如 十三届一次会议" onChange={setName} />
      {e.name ? <View className="field__error">{e.name}</View> : null}
      <Input value={opensOn} placeholder="提交开始日期 YYYY-MM-DD" onChange={setOpensOn} />
      {e.opensOn ? <View className="field__error">{e.opensOn}</View> : null}
      <Input value={closesOn} placeholder="提交截止日期 YYYY-MM-DD" onChange={setClosesOn} />
      {e.closesOn ? <View className="field__error">{e.closesOn}</View> : null}
      {create.error && !Object.keys(e).length ? <View className="banner-error">{create.error.message}</View> : null}
      <View className="proposal-actions">
        <Button
          type="primary"
          size="small"
          loading={create.loading}
          onClick={async () => {
            if (await create.run({ name, opensOn, closesOn })) {
              setShown(false);
              onDone();
            }
          }}
        >
          保存
        </Button>
        <Button size="small" onClick={() => setShown(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
