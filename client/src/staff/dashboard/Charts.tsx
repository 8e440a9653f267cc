/**
 * The dashboard's charts, drawn with plain views: the same markup renders in the weapp and in
 * the browser, with no canvas (whose native layer floats above scrolling pages in the weapp) and
 * no chart library in the staff subpackage. Every figure is also written as text, so a chart
 * reads without colour and prints as it shows.
 */
import { Text, View } from '@tarojs/components';
import type { DashboardStation } from '@lxq/types';
import './Charts.scss';

const pct = (part: number, whole: number) =>
  whole > 0 ? `${Math.max(0, Math.min(100, (part / whole) * 100))}%` : '0%';

/** Pairs of bars per month: collected and answered. */
export function MonthBars({ months }: { months: { month: string; collected: number; answered: number }[] }) {
  const max = Math.max(1, ...months.map((m) => Math.max(m.collected, m.answered)));
  return (
    <View className="chart">
      <View className="chart-legend">
        <Text className="chart-key chart-key--a">收集</Text>
        <Text className="chart-key chart-key--b">答复</Text>
      </View>
      <View className="month-bars" aria-label="每月收集与答复">
        {months.map((m) => (
          <View
            key={m.month}
            className="month-bars__col"
            aria-label={`${m.month}：收集 ${m.collected}，答复 ${m.answered}`}
          >
            <View className="month-bars__pair">
              <View className="month-bars__bar month-bars__bar--a" style={{ height: pct(m.collected, max) }}>
                <Text className="month-bars__n">{m.collected || ''}</Text>
              </View>
              <View className="month-bars__bar month-bars__bar--b" style={{ height: pct(m.answered, max) }}>
                <Text className="month-bars__n">{m.answered || ''}</Text>
              </View>
            </View>
            <Text className="month-bars__label">{Number(m.month.slice(5))}月</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** One horizontal bar per row, longest first (categories, stations). */
export function RowBars({ rows, unit = '' }: { rows: { label: string; value: number }[]; unit?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <View className="row-bars">
      {rows.map((r) => (
        <View key={r.label} className="row-bars__row">
          <Text className="row-bars__label">{r.label}</Text>
          <View className="row-bars__track">
            <View className="row-bars__bar" style={{ width: pct(r.value, max) }} />
          </View>
          <Text className="row-bars__n">
            {r.value}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** A rate as a filled track with its figure; grey when there is nothing to measure yet. */
export function Meter({ label, rate, detail }: { label: string; rate: number | null; detail: string }) {
  const tone = rate === null ? 'none' : rate >= 90 ? 'good' : rate >= 70 ? 'fair' : 'poor';
  return (
    <View className="meter">
      <View className="row">
        <Text className="meter__label">{label}</Text>
        <View className="spacer" />
        <Text className={`meter__rate meter__rate--${tone}`}>{rate === null ? '—' : `${rate}%`}</Text>
      </View>
      <View className="meter__track">
        <View className={`meter__fill meter__fill--${tone}`} style={{ width: `${rate ?? 0}%` }} />
      </View>
      <Text className="meter__detail">{detail}</Text>
    </View>
  );
}

/**
 * Stations placed by their coordinates (no map tiles: the console works offline and inside the
 * weapp without a map key), each a circle whose size and colour grow with its concerns.
 */
export function StationMap({ stations }: { stations: DashboardStation[] }) {
  const placed = stations.filter((s) => s.location);
  if (!placed.length) return <View className="muted">暂无工作站坐标</View>;
  const lats = placed.map((s) => s.location!.lat);
  const lngs = placed.map((s) => s.location!.lng);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  // A degree of longitude is shorter than one of latitude away from the equator.
  const squeeze = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = Math.max((maxLng - minLng) * squeeze, 1e-6);
  const h = Math.max(maxLat - minLat, 1e-6);
  const span = Math.max(w, h);
  const max = Math.max(1, ...placed.map((s) => s.collected));
  // Draw the quiet ones first, so the hot circles sit on top.
  const order = [...placed].sort((a, b) => a.collected - b.collected);
  // Names only for the busiest few: nearby stations' names would run into each other.
  const named = new Set(
    [...placed]
      .filter((s) => s.collected > 0)
      .sort((a, b) => b.collected - a.collected)
      .slice(0, 5)
      .map((s) => s.workstationId),
  );
  return (
    <View className="station-map" aria-label="工作站诉求分布">
      {order.map((s) => {
        const x = 10 + (((s.location!.lng - minLng) * squeeze + (span - w) / 2) / span) * 80;
        const y = 10 + ((maxLat - s.location!.lat + (span - h) / 2) / span) * 80;
        const heat = s.collected / max;
        // The circle's size is set in the stylesheet (units converted per build) and scaled here.
        const scale = 0.3 + Math.sqrt(heat) * 0.7;
        return (
          <View
            key={s.workstationId}
            className="station-map__spot"
            style={{ left: `${x}%`, top: `${y}%` }}
            aria-label={`${s.name}：收集 ${s.collected}，答复 ${s.answered}`}
          >
            <View
              className="station-map__heat"
              style={{
                transform: `scale(${scale.toFixed(3)})`,
                background: `rgba(${Math.round(250 - heat * 70)}, ${Math.round(170 - heat * 130)}, 40, ${0.25 + heat * 0.55})`,
              }}
            />
            <Text className="station-map__n">{s.collected}</Text>
            {named.has(s.workstationId) ? (
              <Text className="station-map__name">{s.name.replace(/委员工作站|工作站$/, '')}</Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
