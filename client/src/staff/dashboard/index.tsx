import { Picker, Text, View } from '@tarojs/components';
import type { ActionInput, DashboardView } from '@lxq/types';
import { Pending } from '../../components/LoadFailed';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useTableState } from '../components/useTableState';
import { MonthBars, Meter, RowBars, StationMap } from './Charts';
import { spanOf, PERIODS, type PeriodKey } from './period';
import './index.scss';

const TOP = 5;

/**
 * The staff dashboard of the unit subtree: concerns per month and category, on-time rate,
 * satisfaction, concerns by station on a map, duty coverage, liaison progress, the top stations
 * and members; filtered by period, sub-unit and sector (kept in the URL, like the tables).
 */
export default function DashboardPage() {
  const { me, isStaff, loading } = useMe();
  const desktop = useDesktop();
  const [f, setF] = useTableState({ period: '12m', unit: '', sector: '' });
  const units = useQuery('org.listUnits', isStaff ? {} : null);
  const sectorUnit = f.unit || me?.scopes[0]?._id || '';
  const sectors = useQuery('org.listSectors', isStaff && sectorUnit ? { unitId: sectorUnit } : null, sectorUnit);
  const input: ActionInput<'org.dashboard'> = {
    ...spanOf(f.period as PeriodKey),
    ...(f.unit ? { unitId: f.unit } : {}),
    ...(f.sector ? { sectorId: f.sector } : {}),
  };
  const q = useQuery('org.dashboard', isStaff ? input : null, JSON.stringify(input));

  if (!loading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">数据看板仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  const unitOptions = [{ _id: '', name: '全部（本级及下级）' }, ...(units.data?.items ?? [])];
  const sectorOptions = [{ _id: '', name: '全部界别' }, ...(sectors.data?.items ?? [])];
  const pick = <T extends { _id: string; name: string }>(list: T[], key: string) =>
    Math.max(
      0,
      list.findIndex((o) => o._id === key),
    );

  const filters = (
    <View className="dash-filters">
      <View className="dash-periods" role="group" aria-label="统计期间">
        {PERIODS.map((p) => (
          <View
            key={p.key}
            className={`dash-chip ${f.period === p.key ? 'dash-chip--on' : ''}`}
            onClick={() => setF({ period: p.key })}
          >
            {p.label}
          </View>
        ))}
      </View>
      <Picker
        mode="selector"
        range={unitOptions.map((u) => u.name)}
        value={pick(unitOptions, f.unit)}
        onChange={(e) => setF({ unit: unitOptions[Number(e.detail.value)]._id, sector: '' })}
      >
        <View className="dash-select" aria-label="单位">
          <Text className="dash-select__label">单位</Text>
          <Text className="dash-select__value">{unitOptions[pick(unitOptions, f.unit)].name}</Text>
        </View>
      </Picker>
      <Picker
        mode="selector"
        range={sectorOptions.map((s) => s.name)}
        value={pick(sectorOptions, f.sector)}
        onChange={(e) => setF({ sector: sectorOptions[Number(e.detail.value)]._id })}
      >
        <View className="dash-select" aria-label="界别">
          <Text className="dash-select__label">界别</Text>
          <Text className="dash-select__value">{sectorOptions[pick(sectorOptions, f.sector)].name}</Text>
        </View>
      </Picker>
    </View>
  );

  return (
    <StaffScreen wide>
      {desktop ? null : <View className="card-title dash-title">数据看板</View>}
      {filters}
      {q.data ? <Board view={q.data} sector={!!f.sector} /> : <Pending query={q} />}
    </StaffScreen>
  );
}

function Board({ view, sector }: { view: DashboardView; sector: boolean }) {
  const c = view.concerns;
  const span = view.from === view.to ? view.from : `${view.from} 至 ${view.to}`;
  const stations = view.stations;
  return (
    <View className={`dash ${sector ? 'dash--sector' : ''}`}>
      <View className="muted dash-scope">
        {view.unitName}
        {view.sectorName ? ` · ${view.sectorName}` : ''} · {span}
      </View>
      <View className="dash-kpis">
        <Kpi label="收集诉求" value={c.collected} unit="条" />
        <Kpi label="已答复" value={c.answered} unit="条" />
        <Kpi label="按时答复率" value={c.onTimeRate === null ? '—' : `${c.onTimeRate}%`} />
        <Kpi
          label="群众满意度"
          value={c.averageRating === null ? '—' : `${c.averageRating}`}
          unit={c.averageRating === null ? '' : '/ 5'}
          note={`${c.ratingCount} 条评价`}
        />
      </View>

      <View className="dash-grid">
        <View className="card dash-card dash-card--wide">
          <View className="dash-card__title">每月收集与答复</View>
          <MonthBars months={view.months} />
        </View>
        <View className="card dash-card">
          <View className="dash-card__title">按类别</View>
          <RowBars rows={view.categories.map((x) => ({ label: x.category, value: x.collected }))} unit=" 条" />
        </View>
        <View className="card dash-card">
          <View className="dash-card__title">办理与履职</View>
          <Meter label="按时答复" rate={c.onTimeRate} detail={`已答复 ${c.answered} 条，按时 ${c.onTime} 条`} />
          <Meter
            label="值班覆盖"
            rate={view.duty.rate}
            detail={`已开始的班次 ${view.duty.planned} 个，有人到岗 ${view.duty.covered} 个${sector ? '（值班不分界别）' : ''}`}
          />
          <Meter
            label="联系群众进度"
            rate={view.liaison.rate}
            detail={`活动 ${view.liaison.activities} 次 / 指标 ${view.liaison.target} 次，${view.liaison.personTimes} 人次；${view.liaison.activeMembers} / ${view.liaison.members} 位委员有记录`}
          />
        </View>
        <View className="card dash-card dash-card--wide">
          <View className="dash-card__title">各工作站诉求分布</View>
          <View className="muted">按工作站坐标示意位置（未加载地图底图），圆越大、颜色越深，收集的诉求越多</View>
          <StationMap stations={stations} />
        </View>
        <View className="card dash-card">
          <View className="dash-card__title">工作站排行</View>
          <View className="dash-table" role="table" aria-label="工作站排行">
            <View className="dash-table__row dash-table__row--head" role="row">
              <Text className="dash-table__name">工作站</Text>
              <Text className="dash-table__n">收集</Text>
              <Text className="dash-table__n">答复</Text>
              <Text className="dash-table__n">值班</Text>
            </View>
            {stations.slice(0, TOP).map((s) => (
              <View key={s.workstationId} className="dash-table__row" role="row">
                <Text className="dash-table__name">{s.name}</Text>
                <Text className="dash-table__n">{s.collected}</Text>
                <Text className="dash-table__n">{s.answered}</Text>
                <Text className="dash-table__n">{s.shifts ? `${s.covered}/${s.shifts}` : '—'}</Text>
              </View>
            ))}
          </View>
        </View>
        <View className="card dash-card">
          <View className="dash-card__title">联系群众最多的委员</View>
          {view.topMembers.length ? (
            <View className="dash-table" role="table" aria-label="委员排行">
              <View className="dash-table__row dash-table__row--head" role="row">
                <Text className="dash-table__name">委员</Text>
                <Text className="dash-table__n">活动</Text>
                <Text className="dash-table__n">人次</Text>
              </View>
              {view.topMembers.map((m) => (
                <View key={m.memberId} className="dash-table__row" role="row">
                  <Text className="dash-table__name">{m.name}</Text>
                  <Text className="dash-table__n">{m.activities}</Text>
                  <Text className="dash-table__n">{m.personTimes}</Text>
                </View>
              ))}
            </View>
          ) : (
            <View className="muted">这段时间还没有联系记录</View>
          )}
        </View>
      </View>
    </View>
  );
}

function Kpi(p: { label: string; value: number | string; unit?: string; note?: string }) {
  return (
    <View className="card dash-kpi">
      <Text className="dash-kpi__label">{p.label}</Text>
      <View>
        <Text className="dash-kpi__value">{p.value}</Text>
        {p.unit ? <Text className="dash-kpi__unit">{p.unit}</Text> : null}
      </View>
      {p.note ? <Text className="dash-kpi__note">{p.note}</Text> : null}
    </View>
  );
}
