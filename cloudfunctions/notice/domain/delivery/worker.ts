/**
 * Working the delivery queue. A worker claims one batch at a time with a lease (a conditional
 * update: only one worker wins it), tells the people of a slice through notifyMany() — one insert
 * of their inbox items, idempotent by the inbox id `${noticeId}:${openid}`, so a recipient someone
 * already reached gets nothing twice — and records the outcomes per slice. Out of time, it hands the rest of the batch on from where it stopped; if
 * it dies instead, its lease runs out and the next worker takes the batch from its last cursor.
 */
import type { Notice, NoticePush, NoticeQueueItem } from '@lxq/types';
import { addProgress, getNotice, moveStatus } from '../../../shared/data/notices';
import {
  markDelivered,
  markDeliveredIfUnrecorded,
  markReminded,
  recipientId,
} from '../../../shared/data/noticeRecipients';
import { claim, countOpen, finish, listFree, release } from '../../../shared/data/noticeQueue';
import { notifyMany, type ManyNotified } from '../../../shared/notify';
import { inboxId, noticeMessage } from './message';

/** Pushes sent at once within a slice (each is one platform call; the inbox writes are per slice). */
const PARALLEL = 10;
/** Left before the deadline to take a whole batch as one slice (100 pushes, 10 at a time). */
const SLICE_MS = 10_000;

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
  let i = item.cursor;
  while (i < item.recipients.length) {
    // With time to spare the rest of the batch goes in one slice (a handful of round trips for
    // all of it); short of time, a chunk, so a claim always makes progress and hands on soon.
    const size = deadline - Date.now() > SLICE_MS ? item.recipients.length - i : PARALLEL;
    const slice = item.recipients.slice(i, i + size);
    const told = await notifyMany(
      slice.map((p) => noticeMessage(notice, item.round, p.openid ?? '')),
      new Date(),
      PARALLEL,
    );
    await record(notice, item.round, slice, told);
    i += slice.length;
    if (i < item.recipients.length && Date.now() >= deadline) {
      await release(item._id, lease, i);
      return { finished: false, told: i - item.cursor };
    }
  }
  await finish(item._id, new Date());
  if (item.round === 0 && (await countOpen(notice._id)) === 0) {
    await moveStatus(notice._id, 'sending', { status: 'sent', sentAt: new Date() });
  }
  return { finished: true, told: i - item.cursor };
}

const UNREACHABLE: NoticePush[] = ['no_subscription', 'error', 'skipped'];

/**
 * Writes a slice's outcomes onto the recipient records (one round trip per kind of outcome) and
 * adds those recorded now to the notice's progress counters. A record moves from undelivered
 * once, whoever records it, so each person is counted once even when workers overlap.
 */
async function record(notice: Notice, round: number, slice: NoticeQueueItem['recipients'], told: ManyNotified) {
  const at = new Date();
  const rid = new Map(
    slice.map((p) => [inboxId(notice._id, round, p.openid ?? ''), recipientId(notice._id, p.userId)]),
  );
  if (round > 0) {
    await markReminded([...rid.values()], at);
    return;
  }
  const ours = new Map<NoticePush, string[]>();
  for (const [id, push] of told.reached) ours.set(push, [...(ours.get(push) ?? []), rid.get(id) ?? '']);
  // What an earlier (maybe dead) worker's push did is on its inbox item, unless it died before saying.
  const theirs = new Map<NoticePush, string[]>();
  for (const item of told.before) theirs.set(item.push, [...(theirs.get(item.push) ?? []), rid.get(item._id) ?? '']);
  const progress = { delivered: 0, pushed: 0, unreachable: 0 };
  const count = (push: NoticePush, n: number) => {
    progress.delivered += n;
    if (push === 'sent') progress.pushed += n;
    if (UNREACHABLE.includes(push)) progress.unreachable += n;
  };
  for (const [push, ids] of ours) {
    const n = await markDeliveredIfUnrecorded(ids, push, at);
    count(push, n);
    // Another worker guessed first (it saw our inbox items): this worker pushed, it knows better.
    if (n < ids.length) await markDelivered(ids, push, at);
  }
  for (const [push, ids] of theirs) count(push, await markDeliveredIfUnrecorded(ids, push, at));
  await addProgress(notice._id, progress);
}
