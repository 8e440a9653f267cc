/**
 * The dashboard's figures from the month slices of the concern buckets: pure sums over a few
 * documents per station, so the figures equal what the counters (kept with each concern change)
 * say, and their cost does not grow with the number of concerns.
 */
import { CONCERN_CATEGORIES, type DashboardStation, type DashboardView } from '@lxq/types';
import type { BucketMonths, StationCoverage } from '../../shared/data/dashboard';
import { inChina, ZONE } from '../../shared/time';
import dayjs from 'dayjs';

/** The China months from `from` to `to`, both included ("2026-01" …). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayjs(`${from}-01`); d.format('YYYY-MM') <= to; d = d.add(1, 'month')) out.push(d.format('YYYY-MM'));
  return out;
}

/** The span asked, or the twelve months up to this one. */
export function spanAsked(input: { from?: string; to?: string }, now: Date) {
  const to = input.to ?? inChina(now).format('YYYY-MM');
  const from = input.from ?? dayjs(`${to}-01`).subtract(11, 'month').format('YYYY-MM');
  const start = dayjs.tz(`${from}-01`, ZONE);
  const end = dayjs.tz(`${to}-01`, ZONE).add(1, 'month');
  return {
    from,
    to,
    months: monthsBetween(from, to),
    start: start.toDate(),
    end: end.toDate(),
    fromDate: start.format('YYYY-MM-DD'),
    toDate: end.subtract(1, 'day').format('YYYY-MM-DD'),
  };
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

type Slice = Record<string, number>;

/** The slices of one bucket-month to count: every sector's, or the asked sector's alone. */
function slicesOf(month: Record<string, Slice> | undefined, sectorId: string | undefined): Slice[] {
  if (!month) return [];
  if (sectorId) return month[sectorId] ? [month[sectorId]] : [];
  return Object.values(month);
}

export function concernFigures(
  buckets: BucketMonths[],
  months: string[],
  sectorId: string | undefined,
): Pick<DashboardView, 'months' | 'categories' | 'concerns'> & {
  byStation: Map<string, { collected: number; answered: number; onTime: number }>;
} {
  const perMonth = new Map(months.map((m) => [m, { month: m, collected: 0, answered: 0 }]));
  const cats = CONCERN_CATEGORIES.map((category) => ({ category: category as string, collected: 0 }));
  const t = { collected: 0, answered: 0, onTime: 0, ratingSum: 0, ratingCount: 0 };
  const byStation = new Map<string, { collected: number; answered: number; onTime: number }>();
  for (const b of buckets) {
    const station = b.workstationId
      ? (byStation.get(b.workstationId) ?? { collected: 0, answered: 0, onTime: 0 })
      : null;
    for (const m of months) {
      for (const s of slicesOf(b.months?.[m], sectorId)) {
        const row = perMonth.get(m)!;
        row.collected += s.collected ?? 0;
        row.answered += s.answered ?? 0;
        for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += s[k] ?? 0;
        cats.forEach((c, i) => (c.collected += s[`c${i}`] ?? 0));
        if (station) {
          station.collected += s.collected ?? 0;
          station.answered += s.answered ?? 0;
          station.onTime += s.onTime ?? 0;
        }
      }
    }
    if (station && b.workstationId) byStation.set(b.workstationId, station);
  }
  return {
    months: [...perMonth.values()],
    categories: cats.sort((a, b) => b.collected - a.collected),
    concerns: {
      collected: t.collected,
      answered: t.answered,
      onTime: t.onTime,
      onTimeRate: rate(t.onTime, t.answered),
      ratingCount: t.ratingCount,
      averageRating: t.ratingCount ? Math.round((t.ratingSum / t.ratingCount) * 10) / 10 : null,
    },
    byStation,
  };
}

export function stationRows(
  places: { _id: string; name: string; location: { lat: number; lng: number } | null }[],
  figures: Map<string, { collected: number; answered: number; onTime: number }>,
  coverage: StationCoverage[],
): DashboardStation[] {
  const cover = new Map(coverage.map((c) => [c._id, c]));
  return places
    .map((p) => ({
      workstationId: p._id,
      name: p.name,
      location: p.location ?? null,
      collected: figures.get(p._id)?.collected ?? 0,
      answered: figures.get(p._id)?.answered ?? 0,
      onTime: figures.get(p._id)?.onTime ?? 0,
      shifts: cover.get(p._id)?.shifts ?? 0,
      covered: cover.get(p._id)?.covered ?? 0,
    }))
    .sort((a, b) => b.collected - a.collected || b.answered - a.answered || a.name.localeCompare(b.name, 'zh'));
}

export { rate };
