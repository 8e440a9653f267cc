import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { IndicatorInfo, StationAssessment } from '@lxq/types';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useTableState } from '../components/useTableState';
import { NOW_YEAR, PeriodBar, periodText, type Period } from './PeriodBar';
import './assessment.scss';

const HIDDEN = 'reception.people,concern.onTime,duty.planned';

const columns = (indicators: IndicatorInfo[]): Column<StationAssessment>[] => [
  { key: 'rank', title: '名次', fixed: true, render: (r) => r.rank, sortValue: (r) => r.rank },
  { key: 'name', title: '工作站', fixed: true, wrap: true, render: (r) => r.name, sortValue: (r) => r.name },
  { key: 'score', title: '得分', render: (r) => r.score, sortValue: (r) => r.score },
  ...indicators.map((i): Column<StationAssessment> => ({
    key: i.key,
    title: i.label,
    render: (r) => r.figures[i.key] ?? 0,
    sortValue: (r) => r.figures[i.key] ?? 0,
  })),
  { key: 'rule', title: '计分规则', wrap: true, render: (r) => <span className="assess-rule">{r.rule}</span> },
];

/** 工作站考核: the subtree's workstations ranked by the unit's weights, for the yearly 优秀委员工作站. */
export default function StationsPage() {
  const { isStaff } = useMe();
  const desktop = useDesktop();
  const [state, set] = useTableState({ year: String(NOW_YEAR), quarter: '', hide: HIDDEN });
  const period: Period = { year: Number(state.year), quarter: state.quarter ? Number(state.quarter) : null };
  const q = useQuery('assessment.stations', isStaff ? period : null, JSON.stringify(period));
  const d = q.data;
  const items = d?.items ?? [];
  const search = (state.q ?? '').trim();
  const rows = items.filter((r) => !search || r.name.includes(search));
  const certificates = () =>
    void Taro.navigateTo({
      url: `/staff/assessment/certificates?year=${period.year}${period.quarter ? `&quarter=${period.quarter}` : ''}`,
    });

  return (
    <StaffScreen wide>
      <PeriodBar
        value={period}
        withYear
        onChange={(v) => set({ year: String(v.year), quarter: v.quarter === null ? '' : String(v.quarter) })}
      />
      <View className="assess-state" role="status">
        {periodText(period)}
        ：按本单位的工作站权重计分排名，供年度优秀委员工作站评选参考。排班、值守、空岗按班次日期统计，诉求按提交和首次答复的时间统计。
      </View>
      <View className="assess-actions">
        <Button type="primary" disabled={!items.length} onClick={certificates}>
          打印表彰名单
        </Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/staff/assessment/weights' })}>权重设置</Button>
      </View>
      {desktop ? (
        <DataTable
          label="工作站排名"
          columns={columns(d?.indicators ?? [])}
          rows={rows}
          complete
          rowKey={(r) => r.workstationId}
          total={rows.length}
          loading={q.loading && !d}
          error={q.error?.message}
          state={state}
          setState={set}
          searchPlaceholder="搜索工作站"
          onExport={async () => {
            const r = await call('assessment.exportStations', period);
            await openWorkbook(r.url, r.fileName);
          }}
          emptyText="没有工作站"
        />
      ) : (
        <View className="card">
          {q.error ? <View className="banner-error">{q.error.message}</View> : null}
          {!d && !q.error ? <Loading>加载中…</Loading> : null}
          {items.map((s) => (
            <View key={s.workstationId} className="assess-line">
              <View className="assess-line__head">
                <View className="assess-line__name">
                  {s.rank}. {s.name}
                </View>
                <View className="assess-line__score">{s.score}</View>
              </View>
              <View className="assess-line__rule">{s.rule}</View>
            </View>
          ))}
        </View>
      )}
    </StaffScreen>
  );
}
