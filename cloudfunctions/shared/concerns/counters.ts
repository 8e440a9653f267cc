/**
 * Counters of concerns per bucket (one workstation, or a unit for concerns with none). Each
 * change of a concern adds its delta to its bucket in the same action, with atomic increments,
 * so the staff queue reads a handful of bucket documents instead of aggregating a unit's
 * concerns. Pure: the data access is in data/concernCounters.ts.
 */
import {
  DEFAULT_CONCERN_LIMITS,
  type Concern,
  type ConcernCounter,
  type ConcernLimits,
  type ConcernStatus,
  type QuarterFigures,
  type Workstation,
} from '@lxq/types';
import { quarterOf } from './deadlines';

export const bucketId = (workstationId: string | null | undefined, unitId: string) =>
  workstationId ? `ws:${workstationId}` : `unit:${unitId}`;

/** Field → increment, dotted paths into `counts` and `quarters`. */
export type Delta = Record<string, number>;

export function statusDelta(from: ConcernStatus, to: ConcernStatus): Delta {
  return from === to ? {} : { [`counts.${from}`]: -1, [`counts.${to}`]: 1 };
}

export function quarterDelta(at: Date, figures: Partial<QuarterFigures>): Delta {
  const q = quarterOf(at);
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [`quarters.${q}.${k}`, v ?? 0]));
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
      const due = c.status === 'rejected' ? c.acceptDueAt : c.replyDueAt;
      a.answered = (a.answered ?? 0) + 1;
      a.onTime = (a.onTime ?? 0) + (due && new Date(c.firstRepliedAt) > new Date(due) ? 0 : 1);
    }
    if (c.rating) {
      const r = (b.quarters[quarterOf(c.rating.at)] ??= {});
      r.ratingSum = (r.ratingSum ?? 0) + c.rating.score;
      r.ratingCount = (r.ratingCount ?? 0) + 1;
    }
  }
  return [...byId.values()];
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
