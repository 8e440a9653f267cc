import type { Invitation } from '@lxq/types';
import { _, db } from '../cloud';
import { changeMark, createMark } from '../rewind';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';

const invitations = () => db.collection('invitations');

export async function findInvitationByCode(code: string): Promise<Invitation | null> {
  const { data } = await invitations().where({ code }).limit(1).get();
  return (data[0] as Invitation) ?? null;
}

export async function insertInvitation(inv: Invitation): Promise<void> {
  const { _id, ...rest } = inv;
  await invitations().add({ data: { _id, ...rest } });
}

/** Marks the invitation used unless someone already did: true for the one caller who wins. */
export async function claimInvitation(id: string, openid: string, at: Date): Promise<boolean> {
  const res = await invitations()
    .where({ _id: id, usedAt: null })
    .update({ data: { usedAt: at, usedBy: openid } });
  return res.stats.updated === 1;
}

export type InvitationStatus = 'open' | 'used' | 'expired';

export async function pageInvitations(
  unitId: string,
  f: { status?: InvitationStatus; q?: string; sort?: 'createdAt' | '-createdAt' },
  now: Date,
  page: number,
  pageSize: number,
) {
  const status = f.status;
  const byStatus = {
    open: { usedAt: null, expiresAt: _.gt(now) },
    used: { usedAt: _.neq(null) },
    expired: { usedAt: null, expiresAt: _.lte(now) },
  };
  const where = invitations().where({
    unitPath: unitId,
    ...(status ? byStatus[status] : {}),
    ...(f.q ? { name: wordsLike(f.q) } : {}),
  });
  return pageOf<Invitation>(where, orderOf(f.sort, 'createdAt'), page, pageSize);
}

export async function getInvitation(id: string): Promise<Invitation | null> {
  const { data } = await invitations().where({ _id: id }).limit(1).get();
  return (data[0] as Invitation) ?? null;
}

/**
 * A new code and validity for an invitation nobody has used yet: false when it was used meanwhile.
 * The change records the request and the code it replaced (rewind.ts), so the request's retry
 * answers the code stored here rather than drawing another.
 */
export async function renewInvitation(inv: Invitation, code: string, expiresAt: Date): Promise<boolean> {
  const set = { code, expiresAt };
  const res = await invitations()
    .where({ _id: inv._id, usedAt: null })
    .update({ data: { ...set, ...changeMark(inv, set) } });
  return res.stats.updated === 1;
}

/**
 * Those of these invitation ids stored already (a re-import's rows, or this request's own insert
 * when it is retried: their `lastChange` says which): one read.
 */
export async function storedInvitations(ids: string[]): Promise<Map<string, Invitation>> {
  if (!ids.length) return new Map();
  const { data } = await invitations()
    .where({ _id: _.in(ids) })
    .field({ _id: true, code: true, lastChange: true })
    .limit(ids.length)
    .get();
  return new Map((data as Invitation[]).map((d) => [d._id, d]));
}

/** Many invitations in one insert, each marked as this request's (rewind.ts). */
export async function insertInvitations(list: Invitation[]): Promise<void> {
  if (list.length) await invitations().add({ data: list.map((inv) => ({ ...inv, ...createMark() })) });
}
