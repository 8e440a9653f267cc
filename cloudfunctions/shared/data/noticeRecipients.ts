import type { FollowUpCounts, FollowUpFilter, Notice, NoticePush, NoticeRecipient } from '@lxq/types';
import { $, _, db } from '../cloud';
import { isDuplicateKey } from '../errors';
import { pageOf } from './page';

const recipients = () => db.collection('notice_recipients');

export const recipientId = (noticeId: string, userId: string) => `${noticeId}:${userId}`;

/** Recipient records per insert: a provincial notice's 50,000 in 100 round trips. */
const INSERT_CHUNK = 500;

/**
 * Writes the recipient list, 500 per round trip. A preparation that died half way and runs
 * again finds some already there: those are kept, the rest added one by one.
 */
export async function insertRecipients(docs: NoticeRecipient[]): Promise<void> {
  for (let i = 0; i < docs.length; i += INSERT_CHUNK) {
    const chunk = docs.slice(i, i + INSERT_CHUNK);
    try {
      await recipients().add({ data: chunk });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      for (const d of chunk) {
        try {
          await recipients().add({ data: d });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    }
  }
}

/** Records what delivering to these recipients did (the worker that actually pushed knows). */
export async function markDelivered(ids: string[], push: NoticePush, at: Date): Promise<void> {
  if (!ids.length) return;
  await recipients()
    .where({ _id: _.in(ids) })
    .update({ data: { deliveredAt: at, push } });
}

/**
 * For recipients some other worker delivered to: fills in what is known unless that worker
 * already recorded its own outcome (it knows better).
 */
export async function markDeliveredIfUnrecorded(ids: string[], push: NoticePush, at: Date): Promise<number> {
  if (!ids.length) return 0;
  const res = await recipients()
    .where({ _id: _.in(ids), deliveredAt: null })
    .update({ data: { deliveredAt: at, push } });
  // How many were recorded now: each record moves once, so the progress counters count each person once.
  return res.stats.updated as number;
}

export async function markReminded(ids: string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await recipients()
    .where({ _id: _.in(ids) })
    .update({ data: { remindedAt: at } });
}

/**
 * The caller's own recipient record of a notice (by openid, so no user lookup is needed) with the
 * notice itself, in one round trip: nothing when it was not addressed to them.
 */
export async function findMineWithNotice(
  noticeId: string,
  openid: string,
): Promise<{ mine: NoticeRecipient; notice: Notice } | null> {
  const { list } = await recipients()
    .aggregate()
    .match({ openid, noticeId })
    .limit(1)
    .lookup({ from: 'notices', localField: 'noticeId', foreignField: '_id', as: 'notices' })
    .end();
  const row = (list as (NoticeRecipient & { notices: Notice[] })[])[0];
  if (!row?.notices[0]) return null;
  const { notices, ...mine } = row;
  return { mine, notice: notices[0] };
}

/** Records the first time the person opened it; later opens change nothing. */
export async function markRead(id: string, at: Date): Promise<boolean> {
  const res = await recipients()
    .where({ _id: id, readAt: null })
    .update({ data: { readAt: at } });
  return res.stats.updated === 1;
}

/** Records the caller's meeting reply on their own record: false when it was not addressed to them. */
export async function setMyReply(
  noticeId: string,
  openid: string,
  reply: NonNullable<NoticeRecipient['reply']>,
): Promise<boolean> {
  const res = await recipients().where({ openid, noticeId }).update({ data: { reply } });
  return res.stats.updated === 1;
}

const FILTERS: Record<FollowUpFilter, object> = {
  all: {},
  unread: { readAt: null },
  read: { readAt: _.neq(null) },
  unreachable: { push: _.in(['no_subscription', 'error', 'unbound', 'skipped']) },
  attending: { 'reply.attending': true },
  absent: { 'reply.attending': false },
  noReply: { reply: null },
};

/**
 * Recipients `skip` to `skip + limit` of a follow-up tab, by name (the export): two members of
 * one name keep their order on every page, so each is a row once.
 */
export async function listAll(
  noticeId: string,
  filter: FollowUpFilter,
  skip: number,
  limit: number,
): Promise<NoticeRecipient[]> {
  const { data } = await recipients()
    .where({ noticeId, ...FILTERS[filter] })
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as NoticeRecipient[];
}

export async function countRecipients(noticeId: string, filter: FollowUpFilter): Promise<number> {
  return (
    await recipients()
      .where({ noticeId, ...FILTERS[filter] })
      .count()
  ).total as number;
}

export async function pageRecipients(noticeId: string, filter: FollowUpFilter, page: number, pageSize: number) {
  return pageOf<NoticeRecipient>(recipients().where({ noticeId, ...FILTERS[filter] }), ['name', 'asc'], page, pageSize);
}

/** Unread recipients, 1000 at a time, for a reminder round. */
export async function listUnread(noticeId: string, skip: number, limit: number): Promise<NoticeRecipient[]> {
  const { data } = await recipients()
    .where({ noticeId, readAt: null })
    .orderBy('readAt', 'asc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as NoticeRecipient[];
}

const UNREACHABLE = ['no_subscription', 'error', 'unbound', 'skipped'];

/**
 * Delivery figures from the counters the workers move per batch (no counting of records while
 * tens of thousands are being written): what the sender watches while the notice goes out.
 * A notice delivered before the counters existed keeps the counted figures.
 */
export function withProgress(counts: FollowUpCounts, notice: Notice): FollowUpCounts {
  // Prepared before the counters existed (or not prepared yet: scheduled, cancelled).
  if (notice.unboundCount === undefined) {
    return { ...counts, pending: notice.status === 'sending' ? counts.recipients - counts.delivered : 0 };
  }
  const p = notice.progress ?? {};
  const unbound = notice.unboundCount;
  const delivered = p.delivered ?? 0;
  return {
    ...counts,
    delivered,
    pushed: p.pushed ?? 0,
    unreachable: unbound + (p.unreachable ?? 0),
    pending: Math.max(0, notice.recipientCount - unbound - delivered),
  };
}

/** The follow-up figures of a notice, counted in one aggregate from the recipient records. */
export async function countFollowUp(noticeId: string): Promise<FollowUpCounts> {
  const { list } = await recipients()
    .aggregate()
    .match({ noticeId })
    .group({
      _id: null,
      recipients: $.sum(1),
      delivered: $.sum($.cond([$.eq(['$deliveredAt', null]), 0, 1])),
      pushed: $.sum($.cond([$.eq(['$push', 'sent']), 1, 0])),
      unreachable: $.sum($.cond([$.in(['$push', UNREACHABLE]), 1, 0])),
      read: $.sum($.cond([$.eq(['$readAt', null]), 0, 1])),
      attending: $.sum($.cond([$.eq(['$reply.attending', true]), 1, 0])),
      absent: $.sum($.cond([$.eq(['$reply.attending', false]), 1, 0])),
    })
    .limit(1)
    .end();
  const row = (list as (FollowUpCounts & { _id: null })[])[0];
  return {
    recipients: row?.recipients ?? 0,
    delivered: row?.delivered ?? 0,
    pushed: row?.pushed ?? 0,
    unreachable: row?.unreachable ?? 0,
    read: row?.read ?? 0,
    attending: row?.attending ?? 0,
    absent: row?.absent ?? 0,
    pending: 0,
  };
}

/** How many have read each of these notices, in one aggregate (the notice list). */
export async function countReadByNotice(noticeIds: string[]): Promise<Map<string, number>> {
  if (!noticeIds.length) return new Map();
  const { list } = await recipients()
    .aggregate()
    .match({ noticeId: _.in(noticeIds), readAt: _.neq(null) })
    .group({ _id: '$noticeId', n: $.sum(1) })
    .limit(noticeIds.length)
    .end();
  return new Map((list as { _id: string; n: number }[]).map((r) => [r._id, r.n]));
}
