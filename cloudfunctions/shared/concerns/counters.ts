/**
 * Counters of concerns per bucket (one workstation, or a unit for concerns with none). Each
 * change of a concern adds its delta to its bucket in the same action, with atomic increments,
 * so the staff queue reads a handful of bucket documents instead of aggregating a unit's
 * concerns. Pure: the data access is in data/concernCounters.ts.
 */
import {
  CONCERN_CATEGORIES,
  DEFAULT_CONCERN_LIMITS,
  type Concern,
  type ConcernCounter,
  type ConcernLimits,
  type ConcernStatus,
  type QuarterFigures,
  type Workstation,
} from '@lxq/types';
import { quarterOf } from './deadlines';
import { inChina } from '../time';

export const bucketId = (workstationId: string | null | undefined, unitId: string) =>
  workstationId ? `ws:${workstationId}` : `unit:${unitId}`;

/** Field → increment, dotted paths into `counts` and `quarters`. */
export type Delta = Record<string, number>;

export function statusDelta(from: ConcernStatus, to: ConcernStatus): Delta {
  return from === to ? {} : { [`counts.${from}`]: -1, [`counts.${to}`]: 1 };
}

/** What the dashboard slices a concern's figures by: its sector and, when collected, its category. */
export type MonthSlice = Pick<Concern, 'category' | 'sectorId'>;

export const monthKey = (at: Date) => inChina(at).format('YYYY-MM');
export const sectorKey = (sectorId: string | null | undefined) => sectorId || '_';
export const categoryKey = (category: string) => `c${CONCERN_CATEGORIES.indexOf(category as never)}`;

/**
 * The quarter's figures, and with `of` the same in the month's slice of the concern's sector (the
 * dashboard's). Both ride in the one increment the change already makes: no extra round trip.
 */
export function quarterDelta(at: Date, figures: Partial<QuarterFigures>, of?: MonthSlice | MonthSlice[]): Delta {
  const q = quarterOf(at);
  const delta: Delta = Object.fromEntries(Object.entries(figures).map(([k, v]) => [`quarters.${q}.${k}`, v ?? 0]));
  const slices = of ? (Array.isArray(of) ? of : [of]) : [];
  if (!slices.length) return delta;
  const m = monthKey(at);
  // Several concerns (a liaison record's) share one increment of `collected: n`: one each.
  const each = (v: number) => v / slices.length;
  for (const c of slices) {
    const base = `months.${m}.${sectorKey(c.sectorId)}`;
    for (const [k, v] of Object.entries(figures)) delta[`${base}.${k}`] = (delta[`${base}.${k}`] ?? 0) + each(v ?? 0);
    if (figures.collected) {
      const ck = `${base}.${categoryKey(c.category)}`;
      delta[ck] = (delta[ck] ?? 0) + each(figures.collected);
    }
  }
  return delta;
}

export function emptyBucket(
  id: string,
  unit: { unitId: string; unitPath: string[] },
  station: Pick<Workstation, '_id' | 'name'> | null,
  limits: ConcernLimits = DEFAULT_CONCERN_LIMITS,
): ConcernCounter {
  return {
    _id: id,
    unitId: unit.unitId,
    unitPath: unit.unitPath,
    workstationId: station?._id ?? null,
    workstationName: station?.name ?? null,
    limits: { ...limits },
    counts: {},
    quarters: {},
  };
}

/** Buckets for concerns stored without counters (the demo seed): counted once, from scratch. */
export function bucketsFor(concerns: Concern[], stations: Workstation[]): ConcernCounter[] {
  const byId = new Map<string, ConcernCounter>();
  for (const s of stations) {
    const id = bucketId(s._id, s.unitId);
    byId.set(id, emptyBucket(id, { unitId: s.unitId, unitPath: s.unitPath }, s));
  }
  for (const c of concerns) {
    const id = bucketId(c.workstationId, c.unitId);
    if (!byId.has(id)) byId.set(id, emptyBucket(id, c, null));
    const b = byId.get(id)!;
    b.counts[c.status] = (b.counts[c.status] ?? 0) + 1;
    const q = (b.quarters[quarterOf(c.createdAt)] ??= {});
    q.collected = (q.collected ?? 0) + 1;
    // Answered and rated in the quarters they happened, as reply/reject/rate count them live.
    if (c.firstRepliedAt) {
      const a = (b.quarters[quarterOf(c.firstRepliedAt)] ??= {});
      a.answered = (a.answered ?? 0) + 1;
      a.onTime = (a.onTime ?? 0) + onTimeOf(c);
    }
    if (c.rating) {
      const r = (b.quarters[quarterOf(c.rating.at)] ??= {});
      r.ratingSum = (r.ratingSum ?? 0) + c.rating.score;
      r.ratingCount = (r.ratingCount ?? 0) + 1;
    }
    addConcernMonths((b.months ??= {}), c);
  }
  return [...byId.values()];
}

/** Fields of a concern its month figures are counted from (what a recount reads of it). */
export type MonthSource = Pick<
  Concern,
  'category' | 'sectorId' | 'status' | 'createdAt' | 'firstRepliedAt' | 'acceptDueAt' | 'replyDueAt' | 'rating'
>;

/** 1 when the first answer came by its deadline (a rejection's is the acceptance deadline). */
const onTimeOf = (c: MonthSource) => {
  const due = c.status === 'rejected' ? c.acceptDueAt : c.replyDueAt;
  return due && new Date(c.firstRepliedAt!) > new Date(due) ? 0 : 1;
};

/**
 * Adds one concern to month slices as the live increments do: collected (and its category) in the
 * month it came, answered and on time in the month of its first answer, its rating in the month rated.
 */
export function addConcernMonths(months: NonNullable<ConcernCounter['months']>, c: MonthSource): void {
  addMonth(months, c.createdAt, c, { collected: 1, [categoryKey(c.category)]: 1 });
  if (c.firstRepliedAt) addMonth(months, c.firstRepliedAt, c, { answered: 1, onTime: onTimeOf(c) });
  if (c.rating) addMonth(months, c.rating.at, c, { ratingSum: c.rating.score, ratingCount: 1 });
}

function addMonth(
  months: NonNullable<ConcernCounter['months']>,
  at: Date,
  c: MonthSlice,
  figures: Record<string, number>,
) {
  const slice = ((months[monthKey(at)] ??= {})[sectorKey(c.sectorId)] ??= {});
  for (const [k, v] of Object.entries(figures)) slice[k] = (slice[k] ?? 0) + v;
}

/** Sum of buckets' figures for one quarter. */
export function sumBuckets(buckets: ConcernCounter[], quarter: string) {
  const counts: Partial<Record<ConcernStatus, number>> = {};
  const q: QuarterFigures = { collected: 0, answered: 0, onTime: 0, ratingSum: 0, ratingCount: 0 };
  for (const b of buckets) {
    for (const [s, n] of Object.entries(b.counts ?? {})) {
      counts[s as ConcernStatus] = (counts[s as ConcernStatus] ?? 0) + (n ?? 0);
    }
    const f = b.quarters?.[quarter] ?? {};
    for (const k of Object.keys(q) as (keyof QuarterFigures)[]) q[k] += f[k] ?? 0;
  }
  return { counts, quarter: q };
}
