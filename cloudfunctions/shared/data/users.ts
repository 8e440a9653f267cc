import type { User } from '@lxq/types';
import { _, db } from '../cloud';
import { requestMark } from '../resume';
import { changeMark } from '../rewind';
import { orderOf } from './listing';
import { pageOf } from './page';

const users = () => db.collection('users');

export async function findUserByOpenid(openid: string): Promise<User | null> {
  if (!openid) return null;
  const { data } = await users().where({ openid }).limit(1).get();
  return (data[0] as User) ?? null;
}

export async function insertUser(user: User): Promise<void> {
  const { _id, ...rest } = user;
  await users().add({ data: { _id, ...rest } });
}

/** `before`, the person as the caller found them, rides along with the request's mark (rewind.ts). */
export async function updateUser(id: string, patch: Partial<User>, before?: User): Promise<void> {
  await users()
    .doc(id)
    .update({ data: before ? { ...patch, ...changeMark(before, patch) } : patch });
}

/** Users by id, in no particular order: one read, so callers pass a page's worth (a roster, a group). */
export async function getUsersByIds(ids: string[]): Promise<User[]> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await users()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as User[];
}

/** Members in a unit's subtree, by name. */
export async function pageMembersInUnit(unitId: string, page: number, pageSize: number) {
  return pageOf<User>(users().where({ unitPath: unitId, roles: 'member' }), ['name', 'asc'], page, pageSize);
}

/**
 * Users in a unit's subtree that also match `where` (e.g. a sector), by name, `limit` at a time
 * (at most 1000): the notice recipients of one target.
 */
export async function listUsersInSubtree(unitId: string, where: object, skip: number, limit: number): Promise<User[]> {
  const { data } = await users()
    .where({ unitPath: unitId, ...where })
    .orderBy('name', 'asc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as User[];
}

/** Members in a unit's subtree whose name starts with `prefix` (a picker's search). */
export async function findMembersByName(unitId: string, prefix: string, limit: number): Promise<User[]> {
  const { data } = await users()
    .where({
      unitPath: unitId,
      roles: 'member',
      name: db.RegExp({ regexp: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` }),
    })
    .orderBy('name', 'asc')
    .limit(limit)
    .get();
  return data as User[];
}

/** Staff and admins who act in one of these units (for reminders and digests). */
export async function staffOfUnits(unitIds: string[]): Promise<User[]> {
  const unique = [...new Set(unitIds)].filter(Boolean);
  if (!unique.length) return [];
  // Their own unit, or their staff unit when they are a member of another one.
  const [own, elsewhere] = await Promise.all(
    ['unitPath', 'staffUnitPath'].map((field) =>
      users()
        .where({ [field]: _.in(unique) })
        .limit(1000)
        .get(),
    ),
  );
  const found = new Map(([...own.data, ...elsewhere.data] as User[]).map((u) => [u._id, u]));
  return [...found.values()].filter(
    (u) => unique.includes(u.staffUnitId ?? u.unitId) && (u.roles.includes('staff') || u.roles.includes('admin')),
  );
}

/* Admin console (issue 17): accounts. */

export async function getUser(id: string): Promise<User | null> {
  const { data } = await users().where({ _id: id }).limit(1).get();
  return (data[0] as User) ?? null;
}

/**
 * A page of the people in a unit's subtree, by name: `q` matches a name anywhere in it, or digits
 * a phone number's start, `role` one of their roles. Served by the unit_path index (unitPath, name).
 */
export async function pageAccounts(
  unitId: string,
  filter: { q?: string; role?: string; ownUnitId?: string; sort?: 'name' | '-name' },
  page: number,
  pageSize: number,
) {
  const where: Record<string, unknown> = { unitPath: unitId };
  if (filter.role) where.roles = filter.role;
  if (filter.ownUnitId) where.unitId = filter.ownUnitId;
  const q = filter.q?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Digits search the mobile number from its start; anything else a name, anywhere in it.
  if (q && /^\d+$/.test(q)) where.phone = db.RegExp({ regexp: `^${q}` });
  else if (q) where.name = db.RegExp({ regexp: q });
  const order: [string, 'asc' | 'desc'] = filter.sort ? orderOf(filter.sort, 'name') : ['name', 'asc'];
  return pageOf<User>(users().where(where), order, page, pageSize);
}

/** The members of one unit's term (its own members, not those of the units below it). */
export async function termMembers(unitId: string): Promise<User[]> {
  const { data } = await users()
    .where({ unitPath: unitId, unitId, roles: 'member' })
    .orderBy('name', 'asc')
    .limit(1000)
    .get();
  return data as User[];
}

/**
 * 换届: the term's members lose the member role in one write, and keep their document, records and
 * history; `termEnded` says which term ended and when.
 */
export async function endTermOf(unitId: string, term: string, at: Date): Promise<number> {
  // The request's mark rides along: its retry finds the members it ended (termEndedByRequest).
  const mark = requestMark();
  const termEnded = { term, at, ...(mark ? { mark } : {}) };
  const res = await users()
    .where({ unitPath: unitId, unitId, roles: 'member' })
    .update({ data: { roles: _.pull('member'), formerRoles: _.addToSet('member'), termEnded } });
  return res.stats.updated as number;
}

/**
 * The members this request ended the term of before it died, as they were (members still): read
 * only on a retry whose count no longer matches, so the common path pays nothing for it.
 */
export async function termEndedByRequest(unitId: string): Promise<User[]> {
  const mark = requestMark();
  if (!mark) return [];
  const { data } = await users()
    .where({ unitPath: unitId, unitId, 'termEnded.mark': mark })
    .orderBy('name', 'asc')
    .limit(1000)
    .get();
  return (data as User[]).map((u) => ({ ...u, roles: ['member', ...u.roles.filter((r) => r !== 'member')] }));
}

/** Everyone whose unit or staff unit lies in a retired subtree stops changing anything. */
export async function markUnitRetired(rootId: string): Promise<number> {
  const [own, staff] = await Promise.all(
    ['unitPath', 'staffUnitPath'].map((field) =>
      users()
        .where({ [field]: rootId })
        .update({ data: { unitRetired: true } }),
    ),
  );
  return (own.stats.updated as number) + (staff.stats.updated as number);
}

/** People of a subtree with one of these mobile numbers (an import's rows): one read. */
export async function usersByPhones(unitId: string, phones: string[]): Promise<User[]> {
  const unique = [...new Set(phones)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await users()
    .where({ unitPath: unitId, phone: _.in(unique) })
    .limit(1000)
    .get();
  return data as User[];
}

/** The people who answer for these handling units (承办单位), to tell them what is assigned or overdue. */
export async function handlersOf(handlingUnitIds: string[]): Promise<User[]> {
  const unique = [...new Set(handlingUnitIds)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await users()
    .where({ handlingUnitId: _.in(unique) })
    .limit(100)
    .get();
  return data as User[];
}
