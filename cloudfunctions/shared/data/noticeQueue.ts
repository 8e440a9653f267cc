import type { NoticeQueueItem } from '@lxq/types';
import { _, db } from '../cloud';
import { isDuplicateKey } from '../errors';

const queue = () => db.collection('notice_queue');

export const batchId = (noticeId: string, round: number, n: number) => `${noticeId}:r${round}:b${n}`;

/** Adds batches; a re-run after a crash keeps those already queued (ids are deterministic). */
export async function enqueue(items: NoticeQueueItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 20) {
    const chunk = items.slice(i, i + 20);
    try {
      await queue().add({ data: chunk });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      for (const item of chunk) {
        try {
          await queue().add({ data: item });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    }
  }
}

/** Batches free to take: never claimed, handed back, or whose worker's lease ran out. */
export async function listFree(now: Date, limit: number): Promise<NoticeQueueItem[]> {
  const { data } = await queue()
    .where({ status: 'open', leaseUntil: _.lte(now) })
    .orderBy('leaseUntil', 'asc')
    .limit(limit)
    .get();
  return data as NoticeQueueItem[];
}

/**
 * Takes a batch for `leaseMs` unless another worker took it first (its lease is what we saw):
 * true for the one worker who wins.
 */
export async function claim(item: NoticeQueueItem, now: Date, until: Date): Promise<boolean> {
  const res = await queue()
    .where({ _id: item._id, status: 'open', leaseUntil: item.leaseUntil })
    .update({ data: { leaseUntil: until, attempts: _.inc(1) } });
  return res.stats.updated === 1;
}

/** Out of time: hands the rest of the batch on, from `cursor`, to whoever comes next. */
export async function release(id: string, lease: Date, cursor: number): Promise<void> {
  await queue()
    .where({ _id: id, status: 'open', leaseUntil: lease })
    .update({ data: { cursor, leaseUntil: new Date(0) } });
}

export async function finish(id: string, at: Date): Promise<void> {
  await queue()
    .where({ _id: id })
    .update({ data: { status: 'done', doneAt: at } });
}

export async function countOpen(noticeId: string): Promise<number> {
  const { total } = await queue().where({ noticeId, status: 'open' }).count();
  return total as number;
}

/** Whether any batch at all is waiting (to decide whether to start another worker). */
export async function anyFree(now: Date): Promise<boolean> {
  return (await listFree(now, 1)).length > 0;
}
