import type { ActionInput, LiaisonChannel, LiaisonRecordView } from '@lxq/types';
import {
  LIAISON_CHANNEL_LABELS,
  LIAISON_CHANNELS,
  LIAISON_OCCASION_CHOICES,
  occasionLabel,
} from '@lxq/types/domain/liaison';
import { useEffect, useState } from 'react';
import { useQuery } from '../../hooks/useQuery';
import { runExport } from '../../services/exportJob';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { serverSortOf, useStaffTable } from '../components/useStaffTable';

const fedCounts = (fed: LiaisonRecordView['fed']) =>
  [
    ['社情民意', fed.filter((f) => f.kind === 'report').length],
    ['提案', fed.filter((f) => f.kind === 'proposal').length],
  ]
    .filter(([, n]) => n)
    .map(([label, n]) => `${label} ${n}`)
    .join(' · ');

/**
 * The record columns; a member's name narrows the table to that member. Only the day is ordered
 * by the server over every page (each staff index ends in date).
 */
const recordColumns = (only: (r: LiaisonRecordView) => void): Column<LiaisonRecordView>[] => [
  { key: 'date', title: '日期', width: '10em', render: (r) => formatChinaTime(r.date), serverSort: 'date' },

  {
    key: 'member',
    title: '委员',
    render: (r) => (
      <button
        type="button"
        className="dt__cell-link"
        title={`只看${r.memberName}的记录`}
        onClick={(e) => {
          e.stopPropagation();
          only(r);
        }}
      >
        {r.memberName}
      </button>
    ),
  },
  { key: 'sector', title: '界别', render: (r) => r.sectorName },
  { key: 'channel', title: '渠道', render: (r) => LIAISON_CHANNEL_LABELS[r.channel] },
  {
    key: 'occasion',
    title: '八必访',
    render: (r) => (r.occasion ? occasionLabel(r.occasion) : '—'),
  },
  { key: 'place', title: '地点/单位', wrap: true, render: (r) => r.place },
  { key: 'people', title: '人次', render: (r) => r.personTimes },
  { key: 'summary', title: '情况摘要', wrap: true, fixed: true, render: (r) => r.summary.slice(0, 40) },
  {
    key: 'fed',
    title: '成果',
    // Counts only: the titles are long and the table is already full at 1280 px.
    render: (r) => fedCounts(r.fed) || '—',
  },
];

type ProgressRow = {
  userId: string;
  name: string;
  sectorName: string;
  behind: boolean;
  quarterActivities: number;
  quarterPersonTimes: number;
  yearActivities: number;
  yearPersonTimes: number;
  shortfalls: string[];
};

const PROGRESS_COLUMNS: Column<ProgressRow>[] = [
  { key: 'name', title: '委员', fixed: true, render: (r) => r.name, serverSort: true },
  { key: 'sector', title: '界别', render: (r) => r.sectorName, serverSort: 'sectorName' },
  { key: 'qa', title: '本季度活动', render: (r) => r.quarterActivities, serverSort: 'quarterActivities' },
  { key: 'qp', title: '本季度人次', render: (r) => r.quarterPersonTimes, serverSort: 'quarterPersonTimes' },
  { key: 'yp', title: '全年人次', render: (r) => r.yearPersonTimes, serverSort: 'yearPersonTimes' },
  {
    key: 'state',
    title: '是否达标',
    render: (r) => (r.behind ? <span className="cell-late">未达标</span> : '达标'),
    serverSort: 'behind',
  },
  { key: 'gap', title: '差距', wrap: true, render: (r) => r.shortfalls.join('；') || '—' },
];

/** The liaison records of the subtree as a table with the export, and who is behind the quota. */
export function LiaisonDesk({ sectors }: { sectors: { _id: string; name: string }[] }) {
  const desk = useStaffTable('liaison.list', {
    columns: recordColumns((r) => desk.set({ memberId: r.memberId, member: r.memberName })),
    defaults: {
      view: 'records',
      channel: '',
      occasion: '',
      sectorId: '',
      from: '',
      to: '',
      behind: '1',
      memberId: '',
      member: '',
      // 八必访 is filled for few records: shown on demand from the column chooser.
      hide: 'occasion',
    },
    filters: (s) =>
      s.view === 'records'
        ? {
            ...(s.memberId ? { memberId: s.memberId } : {}),
            ...(s.sectorId ? { sectorId: s.sectorId } : {}),
            ...(s.channel ? { channel: s.channel as LiaisonChannel } : {}),
            ...(s.occasion ? { occasion: s.occasion } : {}),
            ...(s.from ? { from: s.from } : {}),
            ...(s.to ? { to: s.to } : {}),
          }
        : null,
    search: '搜索委员姓名或地点',
  });
  const { state, set, list: records } = desk;
  const page = { page: Number(state.page) || 1, pageSize: Number(state.size) || 20 };
  // The subtree's units may keep their own occasions (issue 17): the filter offers what they offer.
  const [occasions, setOccasions] = useState(LIAISON_OCCASION_CHOICES);
  useEffect(() => {
    if (records.data?.occasions) setOccasions(records.data.occasions);
  }, [records.data]);
  const progressSort = serverSortOf(PROGRESS_COLUMNS, state.sort) as ActionInput<'liaison.progress'>['sort'];
  const progressInput = {
    ...page,
    ...(state.behind ? { behind: true } : {}),
    ...(state.q ? { q: state.q } : {}),
    ...(progressSort ? { sort: progressSort } : {}),
  };
  const progress = useQuery(
    'liaison.progress',
    state.view === 'progress' ? progressInput : null,
    JSON.stringify(progressInput),
  );
  return (
    <>
      <div className="queue__tabs" role="tablist" aria-label="视图">
        <button
          type="button"
          role="tab"
          aria-selected={state.view === 'records'}
          className={`queue__tab ${state.view === 'records' ? 'queue__tab--on' : ''}`}
          onClick={() => set({ view: 'records', q: '', sort: '' })}
        >
          联系记录
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={state.view === 'progress'}
          className={`queue__tab ${state.view === 'progress' ? 'queue__tab--on' : ''}`}
          onClick={() => set({ view: 'progress', q: '', sort: '' })}
        >
          指标完成情况{progress.data ? `（未达标 ${progress.data.behindCount} 人）` : ''}
        </button>
      </div>
      {state.view === 'records' ? (
        <DataTable
          label="联系记录"
          {...desk.table}
          extra={
            state.memberId ? (
              <button type="button" className="dt__btn" onClick={() => set({ memberId: '', member: '' })}>
                委员：{state.member} ×
              </button>
            ) : null
          }
          filters={[
            {
              key: 'channel',
              label: '渠道',
              kind: 'select',
              options: LIAISON_CHANNELS.map((c) => ({ value: c, label: LIAISON_CHANNEL_LABELS[c] })),
            },
            {
              key: 'occasion',
              label: '八必访',
              kind: 'select',
              options: occasions,
            },
            {
              key: 'sectorId',
              label: '界别',
              kind: 'select',
              options: sectors.map((s) => ({ value: s._id, label: s.name })),
            },
            { key: 'from', label: '日期自', kind: 'date' },
            { key: 'to', label: '至', kind: 'date' },
          ]}
          onExport={(progress) => runExport({ kind: 'liaison', liaison: desk.filters ?? {} }, progress)}
          emptyText="没有符合条件的联系记录"
        />
      ) : (
        <>
          {progress.data?.capped ? (
            // The action weighs a bounded number of members: say so rather than pass the figures for all.
            <p className="progress-capped" role="note">
              仅统计前 {progress.data.cap.toLocaleString('en-US')} 名委员，请选择下级单位查看
            </p>
          ) : null}
          <DataTable
            label="指标完成情况"
            columns={PROGRESS_COLUMNS}
            rows={progress.data?.items ?? []}
            rowKey={(r) => r.userId}
            total={progress.data?.total ?? 0}
            loading={progress.loading && !progress.data}
            error={progress.error?.message}
            state={state}
            setState={set}
            searchPlaceholder="搜索委员姓名或界别"
            filters={[{ key: 'behind', label: '范围', kind: 'select', options: [{ value: '1', label: '只看未达标' }] }]}
            emptyText={state.behind ? '本季度所有委员都已达标' : '没有委员'}
          />
        </>
      )}
    </>
  );
}
