import type { Role, User } from '@lxq/types';
import { findUserByOpenid } from './data/users';

/** Who is calling: everyone is a citizen; members, staff and admins have a user document. */
export interface Caller {
  openid: string;
  user: User | null;
  roles: Role[];
}

export async function loadCaller(openid: string): Promise<Caller> {
  const user = await findUserByOpenid(openid);
  const roles = new Set<Role>(['citizen', ...(user?.roles ?? [])]);
  return { openid, user, roles: [...roles] };
}

/** Staff and admin act on a unit's subtree; these are the roles that carry a scope. */
export const SCOPED_ROLES: readonly Role[] = ['staff', 'admin'];

/** The unit a staff or admin user acts in: their staff unit when they are a member elsewhere. */
export const scopeUnitOf = (user: User) => ({
  unitId: user.staffUnitId ?? user.unitId,
  unitPath: user.staffUnitPath ?? user.unitPath,
});

/**
 * The one answer to "may this caller do this with these roles on this unit": the caller holds one
 * of the roles and, when a unit is touched, holds a scoped role whose unit is that unit or one of
 * its ancestors (`targetUnitPath` lists the unit's ancestors and the unit itself).
 */
export function mayAct(caller: Caller, roles: readonly Role[], targetUnitPath?: string[] | null): boolean {
  const held = roles.filter((r) => caller.roles.includes(r));
  if (held.length === 0) return false;
  if (!targetUnitPath) return true;
  const scopeUnit = caller.user ? scopeUnitOf(caller.user).unitId : null;
  return !!scopeUnit && held.some((r) => SCOPED_ROLES.includes(r)) && targetUnitPath.includes(scopeUnit);
}
