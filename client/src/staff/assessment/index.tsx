import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActionOutput, IndicatorInfo, MemberAssessment } from '@lxq/types';
import { LoadFailed } from '../../components/LoadFailed';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { confirm } from '../../services/confirm';
import { openWorkbook } from '../../services/download';
import { randomId } from '../../services/random';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useTableState } from '../components/useTableState';
import { DossierPanel } from './DossierPanel';
import { FreezeProgress } from './FreezeProgress';
import { NOW_QUARTER, NOW_YEAR, PeriodBar, periodText, type Period } from './PeriodBar';
import './assessment.scss';

type Row = MemberAssessment & { group: string };

/** Columns shown at first; the rest are a click away in the column chooser. */
const HIDDEN = 'duty.late,duty.leave,reception.people,concern.onTime';

const columns = (indicators: IndicatorInfo[], groupTitle: string, onDossier: (r: Row) => void): Column<Row>[] => [
  { key: 'group', title: groupTitle, render: (r) => r.group, sortValue: (r) => r.group },
  { key: 'name', title: '委员', fixed: true, render: (r) => r.name, sortValue: (r) => r.name },
  {
    key: 'rank',
    title: '界别排名',
    render: (r) => `${r.sectorRank}/${r.sectorSize}`,
    sortValue: (r) => r.sectorRank,
  },
  { key: 'score', title: '得分', fixed: true, render: (r) => r.score, sortValue: (r) => r.score },
  ...indicators.map((i): Column<Row> => ({
    key: i.key,
    title: i.label,
    render: (r) => r.figures[i.key] ?? 0,
    sortValue: (r) => r.figures[i.key] ?? 0,
  })),
  {
    key: 'short',
    title: '未达标',
    wrap: true,
    render: (r) => (r.shortfalls.length ? <span className="cell-short">{r.shortfalls.join('；')}</span> : '—'),
    sortValue: (r) => r.shortfalls.length,
  },
  { key: 'rule', title: '计分规则', wrap: true, render: (r) => <span className="assess-rule">{r.rule}</span> },
  {
    key: 'dossier',
    title: '履职档案',
    render: (r) => (
      <Text className="link" aria-label={`${r.name}的履职档案`} onClick={() => onDossier(r)}>
        履职档案
      </Text>
    ),
  },
];

/**
 * 委员考核: the subtree's members for a quarter (or year), scored by the unit's weights with the
 * rule beside each score, by sector or committee, who falls short marked; freeze, reopen, export.
 */
export default function AssessmentPage() {
  const { me, isStaff, loading: meLoading } = useMe();
  const isAdmin = !!me?.roles.includes('admin');
  const desktop = useDesktop();
  const [dossierOf, setDossierOf] = useState<{ userId: string; name: string } | null>(null);
  const [state, set] = useTableState({
    year: String(NOW_YEAR),
    quarter: String(NOW_QUARTER),
    groupBy: 'sector',
    short: '',
    hide: HIDDEN,
  });
  const period: Period = { year: Number(state.year), quarter: state.quarter ? Number(state.quarter) : null };
  const input = { ...period, groupBy: state.groupBy as 'sector' | 'committee' };
  const q = useQuery('assessment.members', isStaff ? input : null, JSON.stringify(input));
  const d = q.data;
  const [busy, setBusy] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const act = async (label: string, job: () => Promise<string>) => {
    setBusy(label);
    setMessage('');
    try {
      setMessage(await job());
      await q.reload();
    } catch (e) {
      setMessage(`${label}失败：${toCallError(e).message}`);
    } finally {
      setBusy('');
    }
  };
  const freeze = async () => {
    const ok = await confirm({
      title: `冻结${periodText(period)}`,
      content: '冻结后该季度的数字和排名不再变化，之后补录的记录计入录入时所在的季度。',
      confirmText: '冻结',
    });
    if (!ok || period.quarter === null) return;
    const quarter = period.quarter;
    await act('冻结', async () => {
      const r = await call('assessment.freeze', { year: period.year, quarter }, { requestId: randomId(24) });
      return r.status === 'frozen'
        ? `已冻结${periodText(period)}，共 ${r.members} 位委员`
        : `正在冻结${periodText(period)}：已冻结 ${r.done} / ${r.members} 名委员，完成后自动显示`;
    });
  };
  const reopen = async () => {
    if (period.quarter === null || reason === null) return;
    const quarter = period.quarter;
    await act('重新开放', async () => {
      await call('assessment.reopen', { year: period.year, quarter, reason }, { requestId: randomId(24) });
      setReason(null);
      return `已重新开放${periodText(period)}`;
    });
  };
  const exportList = () =>
    act('导出', async () => {
      const r = await call('assessment.export', input);
      await openWorkbook(r.url, r.fileName);
      return `已导出 ${r.rows} 行（${r.frozen ? '冻结数字' : '实时数字'}）`;
    });

  if (!meLoading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">履职考核仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  const frozen = d?.snapshot?.status === 'frozen';
  const groupTitle = state.groupBy === 'committee' ? '专委会' : '界别';
  const allRows: Row[] = (d?.groups ?? []).flatMap((g) => g.members.map((m) => ({ ...m, group: g.name })));
  const search = (state.q ?? '').trim();
  const rows = allRows.filter(
    (r) =>
      (!state.short || r.shortfalls.length > 0) && (!search || r.name.includes(search) || r.group.includes(search)),
  );

  const head = (
    <>
      <PeriodBar
        value={period}
        withYear
        onChange={(v) => set({ year: String(v.year), quarter: v.quarter === null ? '' : String(v.quarter) })}
      />
      {d ? <StateBanner data={d} /> : null}
      {d ? <FreezeProgress data={d} reload={q.reload} /> : null}
      <View className="assess-actions">
        {d?.freezable && !frozen && !d.freezing ? (
          <Button type="primary" loading={busy === '冻结'} disabled={!!busy} onClick={() => void freeze()}>
            冻结{periodText(period)}
          </Button>
        ) : null}
        {frozen && isAdmin ? (
          <Button disabled={!!busy} onClick={() => setReason(reason === null ? '' : null)}>
            重新开放
          </Button>
        ) : null}
        <Button loading={busy === '导出'} disabled={!!busy || !d} onClick={() => void exportList()}>
          导出 Excel
        </Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/staff/assessment/weights' })}>权重设置</Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/staff/assessment/stations' })}>工作站考核</Button>
        {message ? (
          <View className="muted" role="status">
            {message}
          </View>
        ) : null}
      </View>
      {dossierOf ? <DossierPanel member={dossierOf} onClose={() => setDossierOf(null)} /> : null}
      {reason !== null ? (
        <View className="card assess-reopen">
          <View className="card-title">重新开放的理由（将记入审计日志）</View>
          <Input value={reason} onChange={setReason} placeholder="例如：补录第三季度迟报的联系记录" maxLength={200} />
          <View className="assess-actions">
            <Button
              type="primary"

              loading={busy === '重新开放'}
              disabled={!!busy || reason.trim().length < 4}
              onClick={() => void reopen()}
            >
              确认重新开放
            </Button>
            <Button onClick={() => setReason(null)}>取消</Button>
          </View>
        </View>
      ) : null}
    </>
  );

  if (desktop) {
    return (
      <StaffScreen>
        {head}
        <DataTable
          label="委员考核"
          columns={columns(d?.indicators ?? [], groupTitle, (r) => setDossierOf({ userId: r.userId, name: r.name }))}
          rows={rows}
          complete
          rowKey={(r) => `${r.group}/${r.userId}`}
          total={rows.length}
          loading={q.loading && !d}
          error={q.error?.message}
          state={state}
          setState={set}
          searchPlaceholder="搜索委员姓名或分组"
          filters={[
            {
              key: 'groupBy',
              label: '分组',
              kind: 'select',
              options: [
                { value: 'sector', label: '按界别' },
                { value: 'committee', label: '按专委会' },
              ],
            },
            { key: 'short', label: '范围', kind: 'select', options: [{ value: '1', label: '只看未达标' }] },
          ]}
          emptyText="没有委员"
        />
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      {head}
      {!d ? (
        q.error ? (
          <LoadFailed message={q.error.message} onRetry={() => void q.reload()} />
        ) : (
          <View className="list-footer">
            <Loading>加载中…</Loading>
          </View>
        )
      ) : (
        d.groups.map((g) => (
          <View key={g.name} className="card assess-group">
            <View className="assess-group__title">
              {g.name}（{g.members.length} 人）
            </View>
            {g.members.map((m) => (
              <View key={m.userId} className="assess-line">
                <View className="assess-line__head">
                  <Text className="assess-line__name">{m.name}</Text>
                  <Text className="muted">
                    界别第 {m.sectorRank}/{m.sectorSize}
                  </Text>
                  <Text className="assess-line__score">{m.score}</Text>
                </View>
                {m.shortfalls.length ? (
                  <View className="assess-line__short">未达标：{m.shortfalls.join('；')}</View>
                ) : null}
                <View className="assess-line__rule">{m.rule}</View>
              </View>
            ))}
          </View>
        ))
      )}
    </StaffScreen>
  );
}

function StateBanner({ data }: { data: ActionOutput<'assessment.members'> }) {
  const s = data.snapshot;
  const late = '冻结后补录的联系记录不再改变已冻结的季度，计入录入时所在的季度。';
  if (s?.status === 'frozen') {
    return (
      <View className="assess-state assess-state--frozen" role="status">
        已冻结：{formatChinaTime(s.frozenAt)} 由 {s.frozenByName} 冻结，数字和排名不再变化。{late}
      </View>
    );
  }
  const reopened =
    s?.status === 'reopened'
      ? `已于 ${formatChinaTime(s.reopenedAt ?? '')} 由 ${s.reopenedByName ?? ''} 重新开放（理由：${s.reopenReason ?? ''}），下面是实时数字。`
      : '';
  return (
    <View className={`assess-state ${reopened ? 'assess-state--reopened' : ''}`} role="status">
      {reopened ||
        (data.quarter === null
          ? '全年实时数字：按已发生的记录统计。'
          : data.freezing
            ? '该季度正在冻结：完成前下面是实时数字。'
            : data.freezable
              ? '该季度已结束，尚未冻结：下面是实时数字，冻结后固定。'
              : '本季度进行中：下面是实时数字，季度结束后由工作人员冻结。')}
      {late} 共 {data.total} 位委员，{data.behindCount} 位未达到联系指标。
    </View>
  );
}
