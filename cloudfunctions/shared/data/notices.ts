import type { Notice, NoticeStatus } from '@lxq/types';
import { _, db } from '../cloud';
import { alreadyChanged, changeRecord, rewound } from '../rewind';
import { notFound } from '../errors';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';

const notices = () => db.collection('notices');

export async function insertNotice(n: Notice): Promise<void> {
  const { _id, ...rest } = n;
  await notices().add({ data: { _id, ...rest } });
}

export async function getNotice(id: string): Promise<Notice> {
  const { data } = await notices().where({ _id: id }).limit(1).get();
  if (!data[0]) throw notFound('这条通知不存在或已删除');
  // A retry of a change this request already made sees the notice as it first found it (resume.ts).
  return rewound(data[0] as Notice);
}

export interface NoticeFilter {
  status?: NoticeStatus;
  q?: string;
  sort?: 'sendAt' | '-sendAt';
}

/** The console's table: the status and the words narrow what unit_path_created (or _send) walks in order. */
export async function pageNotices(unitId: string, f: NoticeFilter, page: number, pageSize: number) {
  const where: Record<string, unknown> = { unitPath: unitId };
  if (f.status) where.status = f.status;
  if (f.q) where.title = wordsLike(f.q);
  return pageOf<Notice>(notices().where(where), orderOf(f.sort, 'createdAt'), page, pageSize);
}

/** A unit's notices created since `since`, newest first (at most 50). */
export async function recentNotices(unitId: string, since: Date): Promise<Notice[]> {
  const { data } = await notices()
    .where({ unitPath: unitId, createdAt: _.gte(since) })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  return data as Notice[];
}

/** Scheduled notices whose time has come, and preparations whose worker died (lease over). */
export async function listDue(now: Date, limit: number): Promise<Notice[]> {
  const [scheduled, stalled] = await Promise.all([
    notices()
      .where({ status: 'scheduled', sendAt: _.lte(now) })
      .orderBy('sendAt', 'asc')
      .limit(limit)
      .get(),
    notices()
      .where({ status: 'preparing', sendAt: _.lte(now) })
      .limit(limit)
      .get(),
  ]);
  return [...scheduled.data, ...(stalled.data as Notice[]).filter((n) => n.leaseUntil <= now)] as Notice[];
}

/** Moves a notice on from one status unless someone else already did: true for the one who wins. */
export async function moveStatus(
  id: string,
  from: NoticeStatus,
  patch: Partial<Notice>,
  /** The notice as the caller read it (getNotice): its guarded change is recorded, to be known on a retry. */
  read?: Notice,
): Promise<boolean> {
  if (read && alreadyChanged(read)) return true;
  const record = read ? changeRecord(read, patch) : {};
  const res = await notices()
    .where({ _id: id, status: from })
    .update({ data: { ...patch, ...record } });
  return res.stats.updated === 1;
}

/**
 * Takes a due notice to prepare its delivery, or one whose preparer died (its lease ran out):
 * true for the one worker who wins.
 */
export async function claimPreparation(n: Notice, now: Date, leaseUntil: Date): Promise<boolean> {
  const where =
    n.status === 'preparing'
      ? { _id: n._id, status: 'preparing', leaseUntil: _.lte(now) }
      : { _id: n._id, status: n.status };
  const res = await notices()
    .where(where)
    .update({ data: { status: 'preparing', leaseUntil } });
  return res.stats.updated === 1;
}

/** Records a reminder unless one was sent in the last 24 hours: true for the one caller who wins. */
export async function claimReminder(read: Notice, now: Date, next: Date): Promise<boolean> {
  // This request claimed it before it died (getNotice gave the notice as it was): go on.
  if (alreadyChanged(read)) return true;
  const patch = { lastRemindAt: now, remindAfter: next };
  const res = await notices()
    .where({ _id: read._id, remindAfter: _.lte(now) })
    .update({
      data: { ...patch, remindCount: _.inc(1), ...changeRecord(read, { ...patch, remindCount: read.remindCount }) },
    });
  return res.stats.updated === 1;
}

/** Adds a delivery batch's newly recorded outcomes to the notice's progress counters. */
export async function addProgress(id: string, by: { delivered: number; pushed: number; unreachable: number }) {
  if (!by.delivered) return;
  await notices()
    .doc(id)
    .update({
      data: {
        progress: { delivered: _.inc(by.delivered), pushed: _.inc(by.pushed), unreachable: _.inc(by.unreachable) },
      },
    });
}
