import { getHolidaysInRange } from '../components/holidays';
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActionInput, ConcernListItem, ConcernStatus } from '@lxq/types';
import {
  CONCERN_CATEGORIES,
  CONCERN_STATUSES,
  CONCERN_STATUS_LABELS,
  concernNo,
  overdueLabel,
} from '@lxq/types/domain/concern';
import { StatusChip } from '../../components/StatusChip';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { runExport } from '../../services/exportJob';
import { randomId } from '../../services/random';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { SidePanel } from '../components/SidePanel';
import { serverSortOf, useStaffTable } from '../components/useStaffTable';
import { AssignPicker } from './AssignPicker';
import { ConcernTriage } from './Triage';
import './QueueDesk.scss';

const COLUMNS: Column<ConcernListItem>[] = [
  { key: 'no', title: '编号', width: '6em', render: (c) => concernNo(c._id) },
  { key: 'title', title: '标题', wrap: true, fixed: true, render: (c) => c.title },
  { key: 'category', title: '类别', width: '7em', render: (c) => c.category },
  {
    key: 'workstation',
    wrap: true,
    title: '工作站',
    render: (c) => c.workstationName ?? '—',
  },
  {
    key: 'assignee',
    title: '承办',
    render: (c) => c.assigneeName ?? <span className="cell-muted">未交办</span>,
  },
  {
    key: 'status',
    title: '状态',
    width: '7em',
    render: (c) => <StatusChip status={c.status} />,
  },
  {
    key: 'due',
    title: '期限',
    width: '10em',
    render: (c) =>
      c.dueAt ? (
        <span className={c.overdue ? 'cell-late' : ''}>
          {formatChinaTime(c.dueAt).slice(0, 10)}
          {c.overdue ? ' 已超期' : ''}
          {provisional(c.dueAt) ? (
            <span className="cell-muted" title="该年节假日安排尚未公布，期限按普通工作日推算，公布后可能调整">
              {' '}
              （暂定）
            </span>
          ) : null}
        </span>
      ) : (
        <span className="cell-muted">—</span>
      ),
  },
  {
    key: 'created',
    title: '提交时间',
    width: '10em',
    render: (c) => formatChinaTime(c.createdAt),
    // The only order the server keeps over every page (each queue index ends in createdAt).
    serverSort: 'createdAt',
  },
];

/**
 * A deadline in a year whose public holidays are not yet published (the calendar knows none) was
 * counted over plain working days: it may move once they are, so it shows as 暂定.
 */
const known = new Map<number, boolean>();
function provisional(dueAt: string): boolean {
  const year = Number(formatChinaTime(dueAt, 'YYYY'));
  if (!known.has(year)) known.set(year, getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0);
  return !known.get(year);
}

/** The columns kept when the concern is open beside the list. */
const NARROW = ['title', 'status', 'due'];

/**
 * The concern queue on a PC: a table of the unit's concerns with every filter the action takes,
 * and the chosen concern open beside it, so a clerk works down the queue without losing place.
 */
export function QueueDesk({ initialOverdue }: { initialOverdue: boolean }) {
  const { me } = useMe();
  const scope = me?.scopes?.[0]?._id ?? me?.unit?._id ?? '';
  const queue = useStaffTable('concern.listForStaff', {
    columns: COLUMNS,
    defaults: {
      status: initialOverdue ? '' : 'submitted',
      category: '',
      workstationId: '',
      sectorId: '',
      from: '',
      to: '',
      overdue: initialOverdue ? '1' : '',
      open: '',
    },
    filters: (s) =>
      scope
        ? {
            ...(s.status ? { status: s.status as ConcernStatus } : {}),
            ...(s.category ? { category: s.category } : {}),
            ...(s.workstationId ? { workstationId: s.workstationId } : {}),
            ...(s.sectorId ? { sectorId: s.sectorId } : {}),
            ...(s.from ? { from: s.from } : {}),
            ...(s.to ? { to: s.to } : {}),
            ...(s.overdue ? { overdue: true } : {}),
          }
        : null,
    search: '搜索标题',
  });
  const { state, set, list } = queue;
  // The workbook is the queue as shown: its filters, words and order.
  const sort = serverSortOf(COLUMNS, state.sort) as ActionInput<'concern.exportQueue'>['sort'];
  const exported = { ...queue.filters, ...(sort ? { sort } : {}) };
  const figures = useQuery('concern.figures', scope ? {} : null, scope);
  const stations = useQuery('org.listWorkstations', scope ? { unitId: scope, pageSize: 50 } : null, scope);
  const sectors = useQuery('org.listSectors', scope ? { unitId: scope } : null, scope);
  const [counts, setCounts] = useState<Partial<Record<ConcernStatus, number>>>({});
  // The subtree's units may keep their own categories (issue 17): the filter offers what they offer.
  const [categories, setCategories] = useState<readonly string[]>(CONCERN_CATEGORIES);
  useEffect(() => {
    if (list.data?.counts) setCounts(list.data.counts);
    if (list.data?.categories) setCategories(list.data.categories);
  }, [list.data]);
  const [assigning, setAssigning] = useState<ConcernListItem[] | null>(null);
  const refresh = () => {
    void list.reload();
    void figures.reload();
  };
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const f = figures.data;

  return (
    <div className={`queue ${state.open ? 'queue--split' : ''}`}>
      <div className="queue__figures" aria-label="本季度概况">
        <Figure n={f?.collected} label={`${f?.quarter ?? '本季度'}收集`} />
        <Figure n={f?.answered} label="本季度已答复（含办结、不予受理）" />
        <Figure n={f?.onTimeRate == null ? null : `${f.onTimeRate}%`} label="按时答复率" />
        <Figure n={f?.averageRating ?? null} label="平均评分" />
        <Figure n={f?.open} label="在办" />
        <Figure n={list.data ? overdueLabel(list.data.overdue) : undefined} label="已超期" warn />
      </div>
      <div className="queue__tabs" role="tablist" aria-label="按状态">
        {(['', ...CONCERN_STATUSES] as const).map((s) => (
          <button
            key={s || 'all'}
            type="button"
            role="tab"
            aria-selected={state.status === s}
            className={`queue__tab ${state.status === s ? 'queue__tab--on' : ''}`}
            onClick={() => set({ status: s })}
          >
            {s ? CONCERN_STATUS_LABELS[s] : '全部'} {s ? (counts[s] ?? 0) : all}
          </button>
        ))}
        <label className="queue__overdue">
          <input
            type="checkbox"
            checked={state.overdue === '1'}
            onChange={(e) => set({ overdue: e.target.checked ? '1' : '' })}
          />
          只看超期
        </label>
      </div>
      <div className="queue__split">
        <div className="queue__list">
          <DataTable
            label="群众诉求"
            {...queue.table}
            columns={state.open ? COLUMNS.filter((c) => NARROW.includes(c.key)) : COLUMNS}
            filters={[
              {
                key: 'category',
                label: '类别',
                kind: 'select',
                options: categories.map((c) => ({ value: c, label: c })),
              },
              {
                key: 'workstationId',
                label: '工作站',
                kind: 'select',
                options: (stations.data?.items ?? []).map((w) => ({ value: w._id, label: w.name })),
              },
              {
                key: 'sectorId',
                label: '界别',
                kind: 'select',
                options: (sectors.data?.items ?? []).map((s) => ({ value: s._id, label: s.name })),
              },
              { key: 'from', label: '提交自', kind: 'date' },
              { key: 'to', label: '至', kind: 'date' },
            ]}
            bulk={[
              {
                label: '受理',
                applies: (c) => c.status === 'submitted',
                run: async (rows) => {
                  const failed = await each(rows, (c) =>
                    call('concern.accept', { id: c._id }, { requestId: randomId() }),
                  );
                  refresh();
                  return failed ? `受理 ${rows.length - failed} 件，${failed} 件未成功` : `已受理 ${rows.length} 件`;
                },
              },
              {
                label: '交办',
                applies: (c) => c.status === 'accepted' || c.status === 'assigned',
                run: async (rows) => {
                  setAssigning(rows);
                  return `请为 ${rows.length} 件诉求选择承办对象`;
                },
              },
              {
                // 群众出题: one or many concerns in hand become a consultation topic.
                label: '发起协商议题',
                applies: (c) => ['accepted', 'assigned', 'in_progress', 'replied', 'closed'].includes(c.status),
                run: async (rows) => {
                  const ids = rows.map((r) => r._id).join(',');
                  void Taro.navigateTo({ url: `/staff/topic/create?concernIds=${encodeURIComponent(ids)}` });
                },
              },
            ]}
            onExport={(progress) => runExport({ kind: 'concerns', concerns: exported }, progress)}
            onOpen={(c) => set({ open: c._id })}
            activeKey={state.open}
            emptyText={
              state.status ? `暂无「${CONCERN_STATUS_LABELS[state.status as ConcernStatus]}」的诉求` : '暂无诉求'
            }
          />
        </div>
        {state.open ? (
          <SidePanel title={`诉求 ${concernNo(state.open)}`} onClose={() => set({ open: '' })}>
            <ConcernTriage id={state.open} onChanged={refresh} />
          </SidePanel>
        ) : null}
      </div>
      {assigning ? (
        <SidePanel title={`交办 ${assigning.length} 件诉求`} onClose={() => setAssigning(null)} modal>
          <BulkAssign
            rows={assigning}
            onDone={() => {
              setAssigning(null);
              refresh();
            }}
          />
        </SidePanel>
      ) : null}
    </div>
  );
}

function Figure({ n, label, warn }: { n: number | string | null | undefined; label: string; warn?: boolean }) {
  return (
    <div className="queue__figure">
      <div className={`queue__num ${warn ? 'queue__num--warn' : ''}`}>{n ?? '—'}</div>
      <div className="queue__label">{label}</div>
    </div>
  );
}

/** Runs one call per row, a few at a time; answers how many failed. */
async function each<T>(rows: T[], job: (row: T) => Promise<unknown>): Promise<number> {
  let failed = 0;
  for (let i = 0; i < rows.length; i += 4) {
    const done = await Promise.allSettled(rows.slice(i, i + 4).map(job));
    failed += done.filter((d) => d.status === 'rejected').length;
  }
  return failed;
}

function BulkAssign({ rows, onDone }: { rows: ConcernListItem[]; onDone: () => void }) {
  // The options are the unit's; the first concern stands for all (a queue is one unit's).
  const options = useQuery('concern.assigneeOptions', { id: rows[0]._id, kind: 'member' }, rows[0]._id);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (!chosen) {
      setError('请选择承办委员');
      return;
    }
    setBusy(true);
    const failed = await each(rows, (c) =>
      call('concern.assign', { id: c._id, target: { kind: 'member', id: chosen } }, { requestId: randomId() }),
    );
    setBusy(false);
    if (failed) setError(`${failed} 件未能交办，请逐件查看`);
    else onDone();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ul className="queue__bulk-titles">
        {rows.map((r) => (
          <li key={r._id}>{r.title}</li>
        ))}
      </ul>
      {options.error ? <div className="field__error">{options.error.message}</div> : null}
      {options.data ? <AssignPicker options={options.data.items} chosen={chosen} onChoose={setChosen} /> : null}
      {error ? <div className="field__error">{error}</div> : null}
      <button type="submit" className="dt__btn dt__btn--primary" disabled={busy}>
        {busy ? '正在交办…' : `确定交办 ${rows.length} 件`}
      </button>
    </form>
  );
}
