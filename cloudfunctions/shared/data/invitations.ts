import type { Invitation } from '@lxq/types';
import { _, db } from '../cloud';
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

/** A new code and validity for an invitation nobody has used yet: false when it was used meanwhile. */
export async function renewInvitation(id: string, code: string, expiresAt: Date): Promise<boolean> {
  const res = await invitations().where({ _id: id, usedAt: null }).update({ data: { code, expiresAt } });
  return res.stats.updated === 1;
}

/** Which of these invitation ids exist already (a re-import's rows): one read. */
export async function existingInvitationIds(ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { data } = await invitations()
    .where({ _id: _.in(ids) })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set((data as { _id: string }[]).map((d) => d._id));
}

/** Many invitations in one insert. */
export async function insertInvitations(list: Invitation[]): Promise<void> {
  if (list.length) await invitations().add({ data: list });
}
