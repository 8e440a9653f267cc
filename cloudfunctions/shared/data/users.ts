import type { User } from '@lxq/types';
import { _, db } from '../cloud';
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

export async function updateUser(id: string, patch: Partial<User>): Promise<void> {
  await users().doc(id).update({ data: patch });
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
