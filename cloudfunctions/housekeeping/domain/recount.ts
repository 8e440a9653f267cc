/**
 * The nightly check of the counter documents against the records they count: each concern
 * bucket's counts per status (recounted per top unit with one aggregate), and each recently sent
 * notice's recipient count. A counter that drifted is set to the recount and the drift is
 * reported: in the answer, in the function's log, and as an audit entry (actor "system").
 * A submission that lands between the recount and the repair is counted again the next night.
 */
import type { ConcernStatus } from '@lxq/types';
import { bucketId } from '../../shared/concerns/counters';
import { allBuckets } from '../../shared/data/concernCounters';
import { insertAudit } from '../../shared/data/audit';
import {
  concernStatusCounts,
  recipientTotal,
  sentNoticesSince,
  setBucketCounts,
  setRecipientCount,
} from '../../shared/data/housekeeping';
import { listRootUnits } from '../../shared/data/units';
import { inChina } from '../../shared/time';

/** Notices are settled once sent; those of the last month are the ones a fan-out could leave wrong. */
const NOTICE_DAYS = 31;

export interface Drift {
  target: string;
  before: unknown;
  after: unknown;
}

type Counts = Partial<Record<ConcernStatus, number>>;

const same = (a: Counts, b: Counts) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as ConcernStatus[]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

export async function recountCounters(now: Date) {
  const drift: Drift[] = [];
  const recounted = new Map<string, Counts>();
  for (const root of await listRootUnits()) {
    for (const row of await concernStatusCounts(root._id)) {
      const id = bucketId(row.workstationId, row.unitId);
      const counts = recounted.get(id) ?? {};
      counts[row.status] = (counts[row.status] ?? 0) + row.n;
      recounted.set(id, counts);
    }
  }
  for (const b of await allBuckets()) {
    const truth = recounted.get(b._id) ?? {};
    if (same(b.counts ?? {}, truth)) continue;
    await setBucketCounts(b._id, truth);
    drift.push({ target: `concern_counters/${b._id}`, before: b.counts ?? {}, after: truth });
  }
  const since = new Date(now.getTime() - NOTICE_DAYS * 86_400_000);
  for (const n of await sentNoticesSince(since, 1000)) {
    const total = await recipientTotal(n._id);
    if (total === n.recipientCount) continue;
    await setRecipientCount(n._id, total);
    drift.push({ target: `notices/${n._id}/recipientCount`, before: n.recipientCount, after: total });
  }
  const day = inChina(now).format('YYYYMMDD');
  for (const d of drift) {
    console.warn('[recount] drift repaired', JSON.stringify(d));
    await insertAudit({
      _id: `recount-${day}-${d.target}`,
      actor: 'system',
      actorUserId: null,
      action: 'housekeeping.recountCounters',
      target: d.target,
      before: d.before,
      after: d.after,
      at: now,
      result: null,
    }).catch((err) => console.error('[recount] audit', err));
  }
  return { buckets: recounted.size, drift };
}
