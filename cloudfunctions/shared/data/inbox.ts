import type { InboxItem } from '@lxq/types';
import { _, db } from '../cloud';
import { pageOf } from './page';

const inbox = () => db.collection('inbox');

export async function insertInboxItem(item: InboxItem): Promise<void> {
  const { _id, ...rest } = item;
  await inbox().add({ data: { _id, ...rest } });
}

/** Many items in one insert (a delivery slice); all or, on a duplicate id, an error. */
export async function insertInboxItems(items: InboxItem[]): Promise<void> {
  if (items.length) await inbox().add({ data: items });
}

/** One outcome recorded on many items at once. */
export async function setPushOutcomes(ids: string[], push: InboxItem['push']): Promise<void> {
  if (!ids.length) return;
  await inbox()
    .where({ _id: _.in(ids) })
    .update({ data: { push } });
}

export async function setPushOutcome(id: string, push: InboxItem['push']): Promise<void> {
  await inbox().doc(id).update({ data: { push } });
}

export async function pageInbox(openid: string, unreadOnly: boolean, page: number, pageSize: number) {
  const where = inbox().where(unreadOnly ? { openid, readAt: null } : { openid });
  return pageOf<InboxItem>(where, ['createdAt', 'desc'], page, pageSize);
}

export async function countUnread(openid: string): Promise<number> {
  const { total } = await inbox().where({ openid, readAt: null }).count();
  return total as number;
}

/** Marks one of the person's own items read; someone else's id changes nothing. */
export async function markRead(openid: string, id: string, at: Date, by = ''): Promise<number> {
  const res = await inbox()
    .where({ _id: id, openid, readAt: null })
    .update({ data: { readAt: at, ...(by ? { readBy: by } : {}) } });
  return res.stats.updated as number;
}

/** This person's item with this id (read or not), or null. */
export async function ownInboxItem(openid: string, id: string): Promise<InboxItem | null> {
  const { data } = await inbox().where({ _id: id, openid }).limit(1).get();
  return (data[0] as InboxItem) ?? null;
}

/** Items by id, in one read (a delivery batch's worth): what an earlier delivery already did. */
export async function findInboxItems(ids: string[]): Promise<InboxItem[]> {
  if (!ids.length) return [];
  const { data } = await inbox()
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return data as InboxItem[];
}

/** Marks several of the person's own items read at once (a notice and its reminders). */
export async function markManyRead(openid: string, ids: string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await inbox()
    .where({ _id: _.in(ids), openid, readAt: null })
    .update({ data: { readAt: at } });
}
