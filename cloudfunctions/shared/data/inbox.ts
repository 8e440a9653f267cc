import type { InboxItem } from '@lxq/types';
import { db } from '../cloud';
import { pageOf } from './page';

const inbox = () => db.collection('inbox');

export async function insertInboxItem(item: InboxItem): Promise<void> {
  const { _id, ...rest } = item;
  await inbox().add({ data: { _id, ...rest } });
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
export async function markRead(openid: string, id: string, at: Date): Promise<number> {
  const res = await inbox()
    .where({ _id: id, openid, readAt: null })
    .update({ data: { readAt: at } });
  return res.stats.updated as number;
}
