import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActionOutput } from '@lxq/types';
import { LoadFailed } from '../../components/LoadFailed';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { confirm } from '../../services/confirm';
import { openWorkbook } from '../../services/download';
import type { ExportDone } from '../../services/exportJob';
import { randomId } from '../../services/random';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { formatChinaTime } from '../../utils/time';
import { DataTable } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useTableState } from '../components/useTableState';
import { DossierPanel } from './DossierPanel';
import { FreezeProgress } from './FreezeProgress';
import { exportMembers, memberColumns, NO_SECTOR, type ListView, type Row } from './memberList';
import { NOW_QUARTER, NOW_YEAR, PeriodBar, periodText, type Period } from './PeriodBar';
import './assessment.scss';

/** Columns shown at first; the rest are a click away in the column chooser. */
const HIDDEN = 'duty.late,duty.leave,reception.people,concern.onTime';

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
    sector: '',
    short: '',
    hide: HIDDEN,
  });
  const period: Period = { year: Number(state.year), quarter: state.quarter ? Number(state.quarter) : null };
  const groupBy: 'sector' | 'committee' = state.groupBy === 'committee' ? 'committee' : 'sector';
  const page = Number(state.page) || 1;
  const size = Number(state.size) || 20;
  // One page at a time, filtered by the server: a frozen province is never read whole.
  const input = {
    ...period,
    groupBy,
    page,
    pageSize: size,
    ...(state.sector ? { sector: state.sector } : {}),
    ...(state.short ? { short: true } : {}),
  } as const;
  const q = useQuery('assessment.members', isStaff ? input : null, JSON.stringify(input));
  const d = q.data;
  const filtered = !!(state.sector || state.short);
  // The figures on screen stay the last answer's until the next arrives: the banner names that answer's filters.
  const [answeredFiltered, setAnsweredFiltered] = useState(filtered);
  useEffect(() => setAnsweredFiltered(filtered), [d]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new answer changes what is shown
  const options = useQuery('liaison.gridOptions', isStaff && desktop ? {} : null, 'sectors');
  const sectors = [
    ...new Set((options.data?.groups ?? []).filter((g) => g.kind === 'sector').map((g) => g.name)),
    NO_SECTOR,
  ];
  const [link, setLink] = useState<ExportDone | null>(null);
  const [busy, setBusy] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const act = async (label: string, job: () => Promise<string>) => {
    setBusy(label);
    setMessage('');
    setLink(null);
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
  const view: ListView = {
    period,
    groupBy,
    sector: state.sector,
    short: !!state.short,
    frozen: d?.snapshot?.status === 'frozen',
  };
  // The phone has no table toolbar: its button tells the same progress and link.
  const exportOnPhone = () =>
    act('导出', async () => {
      const done = await exportMembers(view, setMessage);
      setLink(done);
      return done.text;
    });

  if (!meLoading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">履职考核仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  const frozen = d?.snapshot?.status === 'frozen';
  const groupTitle = groupBy === 'committee' ? '专委会' : '界别';
  const rows: Row[] = (d?.groups ?? []).flatMap((g) => g.members.map((m) => ({ ...m, group: g.name })));
  const pages = Math.max(1, Math.ceil((d?.total ?? 0) / size));

  const head = (
    <>
      <PeriodBar
        value={period}
        withYear
        onChange={(v) => set({ year: String(v.year), quarter: v.quarter === null ? '' : String(v.quarter) })}
      />
      {d ? <StateBanner data={d} filtered={answeredFiltered} /> : null}
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
        {desktop ? null : (
          <Button loading={busy === '导出'} disabled={!!busy || !d} onClick={() => void exportOnPhone()}>
            导出 Excel
          </Button>
        )}
        <Button onClick={() => void Taro.navigateTo({ url: '/staff/assessment/weights' })}>权重设置</Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/staff/assessment/stations' })}>工作站考核</Button>
        {message ? (
          <View className="muted" role="status">
            {message}
            {link && !busy ? (
              <Text className="link" onClick={() => void openWorkbook(link.url, link.fileName)}>
                {` 下载 ${link.fileName}`}
              </Text>
            ) : null}
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
          columns={memberColumns(d?.indicators ?? [], groupTitle, (r) =>
            setDossierOf({ userId: r.userId, name: r.name }),
          )}
          rows={rows}
          rowKey={(r) => `${r.group}/${r.userId}`}
          total={d?.total ?? 0}
          loading={q.loading && !d}
          error={q.error?.message}
          state={state}
          setState={set}
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
            { key: 'sector', label: '界别', kind: 'select', options: sectors.map((v) => ({ value: v, label: v })) },
            { key: 'short', label: '范围', kind: 'select', options: [{ value: '1', label: '只看未达标' }] },
          ]}
          onExport={(progress) => exportMembers(view, progress)}
          extra={<span className="muted assess-order">按{groupTitle}、得分从高到低、姓名排列</span>}
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
              {/* A page may hold part of a sector: its size is the sector's, not the page's. */}
              {groupBy === 'sector' && g.members[0] ? `${g.name}（共 ${g.members[0].sectorSize} 人）` : g.name}
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
      {d && pages > 1 ? (
        <View className="assess-pager" aria-label="分页">
          <Button disabled={page <= 1} onClick={() => set({ page: String(page - 1) })}>
            上一页
          </Button>
          <Text>
            第 {page} / {pages} 页
          </Text>
          <Button disabled={page >= pages} onClick={() => set({ page: String(page + 1) })}>
            下一页
          </Button>
        </View>
      ) : null}
    </StaffScreen>
  );
}

function StateBanner({ data, filtered }: { data: ActionOutput<'assessment.members'>; filtered: boolean }) {
  const s = data.snapshot;
  const late = '冻结后补录的联系记录不再改变已冻结的季度，计入录入时所在的季度。';
  const count = `${filtered ? '符合筛选的' : ''}共 ${data.total} 位委员，${data.behindCount} 位未达到联系指标。`;
  if (s?.status === 'frozen') {
    return (
      <View className="assess-state assess-state--frozen" role="status">
        已冻结：{formatChinaTime(s.frozenAt)} 由 {s.frozenByName} 冻结，数字和排名不再变化。{late}
        {count}
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
      {late} {count}
    </View>
  );
}
