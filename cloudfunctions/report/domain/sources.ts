/**
 * What an author may draft from: concerns assigned to them (a member) or held in their scope
 * (staff), once accepted; liaison records of their own (a member) or in their scope (staff).
 */
import type { Concern, LiaisonRecord, User } from '@lxq/types';
import { scopeUnitOf } from '../../shared/caller';

/** Concerns in these statuses can be linked to an outcome (the concern machine's `link`). */
const LINKABLE = new Set(['accepted', 'assigned', 'in_progress', 'replied', 'closed']);

export interface Author {
  openid: string;
  user: User;
}

const scopeOf = (a: Author) =>
  a.user.roles.some((r) => r === 'staff' || r === 'admin') ? scopeUnitOf(a.user).unitId : null;

export function mayPickConcern(a: Author, c: Pick<Concern, 'status' | 'unitPath' | 'assigneeOpenid'>): boolean {
  if (!LINKABLE.has(c.status)) return false;
  const scope = scopeOf(a);
  return c.assigneeOpenid === a.openid || (!!scope && c.unitPath.includes(scope));
}

export function mayPickRecord(a: Author, r: Pick<LiaisonRecord, 'memberId' | 'unitPath'>): boolean {
  const scope = scopeOf(a);
  return r.memberId === a.user._id || (!!scope && r.unitPath.includes(scope));
}

export const sourceWho = (a: Author) => ({
  openid: a.openid,
  memberId: a.user.roles.includes('member') ? a.user._id : null,
  scopeUnitId: scopeOf(a),
});

/** The unit a report starts in: a member's own unit; staff's the unit they act in. */
export const homeOf = (user: User) =>
  user.roles.includes('member') ? { unitId: user.unitId, unitPath: user.unitPath } : scopeUnitOf(user);
