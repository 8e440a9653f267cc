import type { Invitation, User } from '@lxq/types';
import { defineAction, type ActionContext } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { invalidState, isDuplicateKey } from '../../shared/errors';
import { claimInvitation } from '../../shared/data/invitations';
import { getUsersByIds, insertUser, updateUser } from '../../shared/data/users';
import { describe } from './me';
import { usableInvitation } from './inspectInvitation';
import { HOUR } from '../../shared/limits';

/**
 * Binds the caller's WeChat identity to the account the invitation describes. A newcomer costs 4
 * round trips: the invitation, its claim, the new user, the audit entry. The caller is looked up
 * only when the new user collides with an existing one (a member invited to be staff as well).
 * A retry after a lost answer finds the invitation claimed by the same person and completes.
 */
export default defineAction({
  name: 'account.bindInvitation',
  roles: ['citizen'],
  mutates: true,
  // A retry of a finished request fails on the claim or on the new user's id.
  retrySafe: true,
  // Guessing invitation codes.
  limit: { windows: [{ seconds: HOUR, max: 10 }], attempts: true },
  async handler({ code }, ctx) {
    const inv = await usableInvitation(code, ctx.now, ctx.openid);
    if (!inv.usedAt && !(await claimInvitation(inv._id, ctx.openid, ctx.now))) {
      throw invalidState('该邀请码已被使用，每个邀请码只能绑定一次');
    }
    const user: User = {
      _id: ctx.newId('user'),
      openid: ctx.openid,
      name: inv.name,
      roles: [inv.role],
      unitId: inv.unitId,
      unitPath: inv.unitPath,
      sectorId: inv.sectorId ?? null,
      ...(inv.role === 'handler' ? { handlingUnitId: inv.handlingUnitId ?? null } : {}),
      createdAt: ctx.now,
    };
    try {
      await insertUser(user);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // This request made the account before it died (resume.ts): go on as the newcomer it was.
      const [own] = await getUsersByIds([user._id]);
      if (own?.openid !== ctx.openid) return extend(inv, ctx);
    }
    ctx.audit(`users/${user._id}`, null, user);
    return describe({ openid: ctx.openid, user, roles: ['citizen', inv.role] }, inv.unitName);
  },
});

/**
 * The person already has an account: the invitation adds its role to it. A member keeps their own
 * unit (their rosters, records and quotas stay with it); staff and admin roles act in the unit they
 * were invited to, kept apart as the staff unit when that is not the member's own.
 */
async function extend(inv: Invitation, ctx: ActionContext) {
  const before = (await ctx.caller()).user!;
  const roles = [...new Set([...before.roles, inv.role])];
  const wasMember = before.roles.includes('member');
  const scope = scopeUnitOf(before);
  const invited = { unitId: inv.unitId, unitPath: inv.unitPath };
  const after: User = { ...before, roles };
  if (inv.role === 'handler') {
    // A handler answers for a department; their member or staff unit stays as it was.
    after.handlingUnitId = inv.handlingUnitId ?? null;
  } else if (inv.role === 'member') {
    // A staff account becoming a member: the member's unit is the invitation's, the staff one stays.
    if (!wasMember) Object.assign(after, invited, { sectorId: inv.sectorId ?? before.sectorId ?? null });
    if (!wasMember && scope.unitId !== inv.unitId) Object.assign(after, staffUnit(scope));
  } else if (wasMember && inv.unitId !== before.unitId) {
    Object.assign(after, staffUnit(invited));
  } else {
    Object.assign(after, invited, { staffUnitId: null, staffUnitPath: null });
  }
  const { _id, ...patch } = after;
  await updateUser(_id, patch);
  ctx.audit(`users/${_id}`, before, after);
  return describe({
    openid: ctx.openid,
    user: after,
    roles: ['citizen', ...after.roles.filter((r) => r !== 'citizen')],
  });
}

const staffUnit = (unit: { unitId: string; unitPath: string[] }) => ({
  staffUnitId: unit.unitId,
  staffUnitPath: unit.unitPath,
});
