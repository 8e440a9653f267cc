/**
 * Working the delivery queue. A worker claims one batch at a time with a lease (a conditional
 * update: only one worker wins it), tells each person through notify() — idempotent by the inbox
 * id `${noticeId}:${openid}`, so a recipient someone already reached gets nothing twice — and
 * records the outcomes. Out of time, it hands the rest of the batch on from where it stopped; if
 * it dies instead, its lease runs out and the next worker takes the batch from its last cursor.
 */
import type { InboxItem, Notice, NoticePush, NoticeQueueItem } from '@lxq/types';
import { findInboxItems } from '../../../shared/data/inbox';
import { getNotice, moveStatus } from '../../../shared/data/notices';
import {
  markDelivered,
  markDeliveredIfUnrecorded,
  markReminded,
  recipientId,
} from '../../../shared/data/noticeRecipients';
import { claim, countOpen, finish, listFree, release } from '../../../shared/data/noticeQueue';
import { notify } from '../../../shared/notify';
import { inboxId, noticeMessage } from './message';

/** Recipients told at once within a batch (each is an inbox write and a push). */
const PARALLEL = 10;

export interface WorkDone {
  batches: number;
  told: number;
  /** Free batches remain (this worker ran out of time). */
  more: boolean;
}

export async function workQueue(deadline: number): Promise<WorkDone> {
  const notices = new Map<string, Notice>();
  const done: WorkDone = { batches: 0, told: 0, more: false };
  for (;;) {
    const free = await listFree(new Date(), 10);
    if (!free.length) return done;
    if (Date.now() >= deadline) return { ...done, more: true };
    const taken = await claimOne(free);
    if (!taken) continue; // others took them all: look again
    const notice = notices.get(taken.item.noticeId) ?? (await getNotice(taken.item.noticeId));
    notices.set(notice._id, notice);
    const limit = Math.min(deadline, Date.now() + taken.item.budgetMs);
    const r = await workBatch(notice, taken.item, taken.lease, limit);
    done.told += r.told;
    if (r.finished) done.batches++;
  }
}

/** Tries the free batches in random order, so workers started together spread out. */
async function claimOne(free: NoticeQueueItem[]) {
  for (const item of free.sort(() => Math.random() - 0.5)) {
    const lease = new Date(Date.now() + item.leaseMs);
    if (await claim(item, new Date(), lease)) return { item, lease };
  }
  return null;
}

async function workBatch(notice: Notice, item: NoticeQueueItem, lease: Date, deadline: number) {
  const outcomes = new Map<NoticePush, string[]>();
  const reachedBefore: { rid: string; inbox: string }[] = [];
  let i = item.cursor;
  while (i < item.recipients.length) {
    const chunk = item.recipients.slice(i, i + PARALLEL);
    const pushes = await Promise.all(
      chunk.map((p) => notify(noticeMessage(notice, item.round, p.openid ?? ''), new Date())),
    );
    chunk.forEach((p, k) => {
      const rid = recipientId(notice._id, p.userId);
      // 'skipped' means the inbox item was already there: an earlier (maybe dead) worker reached them.
      if (pushes[k] === 'skipped') reachedBefore.push({ rid, inbox: inboxId(notice._id, item.round, p.openid ?? '') });
      else outcomes.set(pushes[k], [...(outcomes.get(pushes[k]) ?? []), rid]);
    });
    i += chunk.length;
    // Every claim makes progress (one chunk at least); out of time, the rest goes back to the queue.
    if (i < item.recipients.length && Date.now() >= deadline) {
      await record(notice, item.round, outcomes, reachedBefore);
      await release(item._id, lease, i);
      return { finished: false, told: i - item.cursor };
    }
  }
  await record(notice, item.round, outcomes, reachedBefore);
  await finish(item._id, new Date());
  if (item.round === 0 && (await countOpen(notice._id)) === 0) {
    await moveStatus(notice._id, 'sending', { status: 'sent', sentAt: new Date() });
  }
  return { finished: true, told: i - item.cursor };
}

/** Writes the outcomes onto the recipient records: one round trip per kind of outcome. */
async function record(
  notice: Notice,
  round: number,
  outcomes: Map<NoticePush, string[]>,
  reachedBefore: { rid: string; inbox: string }[],
) {
  const at = new Date();
  if (round > 0) {
    await markReminded([...[...outcomes.values()].flat(), ...reachedBefore.map((r) => r.rid)], at);
  } else {
    for (const [push, ids] of outcomes) await markDelivered(ids, push, at);
    if (reachedBefore.length) {
      // What the earlier worker's push did is on its inbox item (unless it died before saying).
      const items = new Map<string, InboxItem>(
        (await findInboxItems(reachedBefore.map((r) => r.inbox))).map((x) => [x._id, x]),
      );
      const known = new Map<NoticePush, string[]>();
      for (const r of reachedBefore) {
        const push: NoticePush = items.get(r.inbox)?.push ?? 'skipped';
        known.set(push, [...(known.get(push) ?? []), r.rid]);
      }
      for (const [push, ids] of known) await markDeliveredIfUnrecorded(ids, push, at);
    }
  }
  outcomes.clear();
  reachedBefore.length = 0;
}
