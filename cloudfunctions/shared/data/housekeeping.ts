/**
 * What the housekeeping timers read and write across collections: documents past their
 * retention, and the records the counter documents are recounted from.
 */
import type { ConcernCounter, ConcernStatus, Notice } from '@lxq/types';
import type { MonthSource } from '../concerns/counters';
import { $, _, db } from '../cloud';

/** Ids of the oldest documents whose `field` is before `cutoff` (served by an index on `field`). */
export async function expiredIds(collection: string, field: string, cutoff: Date, limit: number): Promise<string[]> {
  const { data } = await db
    .collection(collection)
    .where({ [field]: _.lt(cutoff) })
    .orderBy(field, 'asc')
    .limit(limit)
    .field({ _id: true })
    .get();
  return (data as { _id: string }[]).map((d) => d._id);
}

export async function removeIds(collection: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const res = await db
    .collection(collection)
    .where({ _id: _.in(ids) })
    .remove();
  return (res.stats?.removed as number) ?? ids.length;
}

export interface StatusCount {
  workstationId: string | null;
  unitId: string;
  status: ConcernStatus;
  n: number;
}

/** Concerns of a top unit's subtree counted by workstation, unit and status, in one aggregate. */
export async function concernStatusCounts(rootUnitId: string): Promise<StatusCount[]> {
  const { list } = await db
    .collection('concerns')
    .aggregate()
    .match({ unitPath: rootUnitId })
    .group({
      _id: { workstationId: '$workstationId', unitId: '$unitId', status: '$status' },
      n: $.sum(1),
    })
    .end();
  return (list as { _id: Omit<StatusCount, 'n'>; n: number }[]).map((r) => ({
    workstationId: r._id.workstationId ?? null,
    unitId: r._id.unitId,
    status: r._id.status,
    n: r.n,
  }));
}

export async function setBucketCounts(id: string, counts: Partial<Record<ConcernStatus, number>>): Promise<void> {
  await db
    .collection('concern_counters')
    .where({ _id: id })
    .update({ data: { counts: _.set(counts) } });
}

/** Notices sent since `since` (their fan-out done): whose receipts to recount. */
export async function sentNoticesSince(since: Date, limit: number): Promise<Notice[]> {
  const { data } = await db
    .collection('notices')
    .where({ status: 'sent', sendAt: _.gte(since) })
    .orderBy('sendAt', 'asc')
    .limit(limit)
    .get();
  return data as Notice[];
}

export async function recipientTotal(noticeId: string): Promise<number> {
  const { total } = await db.collection('notice_recipients').where({ noticeId }).count();
  return total as number;
}

export async function setRecipientCount(noticeId: string, n: number): Promise<void> {
  await db
    .collection('notices')
    .where({ _id: noticeId })
    .update({ data: { recipientCount: n } });
}

const BACKFILL_FIELDS = {
  category: true,
  sectorId: true,
  status: true,
  createdAt: true,
  firstRepliedAt: true,
  acceptDueAt: true,
  replyDueAt: true,
  rating: true,
};

/**
 * Concerns `skip` to `skip + limit` of a counter's bucket, oldest first: a station's
 * (workstation_created), or a unit's own concerns with no station (unit_path_created).
 * New concerns land at the end, so a backfill resumed by its count reads each once.
 */
export async function bucketConcerns(
  b: Pick<ConcernCounter, 'unitId' | 'workstationId'>,
  skip: number,
  limit: number,
): Promise<MonthSource[]> {
  const where = b.workstationId
    ? { workstationId: b.workstationId }
    : { unitPath: b.unitId, unitId: b.unitId, workstationId: null };
  const { data } = await db
    .collection('concerns')
    .where(where)
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(limit)
    .field(BACKFILL_FIELDS)
    .get();
  return data as MonthSource[];
}

/** Keeps a backfill's progress on its counter, so the next run goes on from there. */
export async function saveMonthsBackfill(id: string, progress: NonNullable<ConcernCounter['monthsBackfill']>) {
  await db
    .collection('concern_counters')
    .where({ _id: id })
    .update({ data: { monthsBackfill: _.set(progress) } });
}

/** Sets the counted slices whole (so a second run writes the same) and marks the counter done. */
export async function finishMonthsBackfill(id: string, months: NonNullable<ConcernCounter['months']>, at: Date) {
  await db
    .collection('concern_counters')
    .where({ _id: id })
    .update({ data: { months: _.set(months), monthsCountedAt: at, monthsBackfill: null } });
}
