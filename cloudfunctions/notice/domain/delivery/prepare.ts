/**
 * Turning a notice into work: resolve who it goes to (again, at sending time, so a scheduled
 * notice reaches the people in the groups on the day), write one recipient record per person and
 * one queue batch per 100 of them. Safe to run again after a crash: every id is derived from the
 * notice, so a second run adds only what the first did not.
 */
import type { Notice, NoticeQueueItem, NoticeRecipient } from '@lxq/types';
import { moveStatus } from '../../../shared/data/notices';
import { insertRecipients, recipientId } from '../../../shared/data/noticeRecipients';
import { batchId, enqueue } from '../../../shared/data/noticeQueue';
import { resolveRecipients, type Resolved } from './resolve';

export const BATCH_SIZE = 100;
/** The function may run 60 s (config.json); a worker stops taking recipients after this long. */
export const WORKER_BUDGET_MS = 40_000;
/** A claimed batch is free again after this: longer than any healthy worker holds it. */
export const LEASE_MS = 70_000;

export async function prepareDelivery(
  notice: Notice,
  now: Date,
  /** Already resolved by the caller a moment ago (sending now). */
  resolved?: Resolved,
): Promise<{ recipients: number; batches: number }> {
  const { users, sectorNames } = resolved ?? (await resolveRecipients(notice.unitId, notice.targets));
  const records: NoticeRecipient[] = users.map((u) => ({
    _id: recipientId(notice._id, u._id),
    noticeId: notice._id,
    userId: u._id,
    openid: u.openid ?? null,
    name: u.name,
    sectorName: sectorNames.get(u.sectorId ?? '') ?? '',
    deliveredAt: null,
    // Without a bound WeChat account there is no inbox and no push: say so from the start.
    push: u.openid ? null : 'unbound',
    readAt: null,
    reply: null,
    remindedAt: null,
  }));
  await insertRecipients(records);
  const reachable = records.filter((r) => r.openid);
  const batches = queueBatches(notice._id, 0, reachable, now);
  await enqueue(batches);
  await moveStatus(notice._id, 'preparing', {
    // Nobody reachable in-app (none bound to WeChat): nothing is queued, the notice is done.
    ...(batches.length ? { status: 'sending' as const } : { status: 'sent' as const, sentAt: now }),
    recipientCount: records.length,
    batchCount: batches.length,
    // Set, not added: a preparation run again after a crash says the same.
    unboundCount: records.length - reachable.length,
  });
  return { recipients: records.length, batches: batches.length };
}

export function queueBatches(
  noticeId: string,
  round: number,
  people: Pick<NoticeRecipient, 'userId' | 'openid'>[],
  now: Date,
): NoticeQueueItem[] {
  const items: NoticeQueueItem[] = [];
  for (let i = 0; i < people.length; i += BATCH_SIZE) {
    items.push({
      _id: batchId(noticeId, round, i / BATCH_SIZE),
      noticeId,
      round,
      recipients: people.slice(i, i + BATCH_SIZE).map((p) => ({ userId: p.userId, openid: p.openid })),
      cursor: 0,
      status: 'open',
      leaseUntil: new Date(0),
      leaseMs: LEASE_MS,
      budgetMs: WORKER_BUDGET_MS,
      attempts: 0,
      createdAt: now,
      doneAt: null,
    });
  }
  return items;
}
