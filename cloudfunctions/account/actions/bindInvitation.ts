import type { User } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { claimInvitation } from '../../shared/data/invitations';
import { insertUser, updateUser } from '../../shared/data/users';
import { describe } from './me';
import { usableInvitation } from './inspectInvitation';

export default defineAction({
  name: 'account.bindInvitation',
  roles: ['citizen'],
  mutates: true,
  async handler({ code }, ctx) {
    const inv = await usableInvitation(code, ctx.now);
    const caller = await ctx.caller();
    if (!(await claimInvitation(inv._id, ctx.openid, ctx.now))) {
      throw invalidState('该邀请码已被使用，每个邀请码只能绑定一次');
    }
    const before = caller.user;
    const user: User = before
      ? {
          ...before,
          roles: [...new Set([...before.roles, inv.role])],
          // Staff and admin act in the unit they were invited to; a member keeps their own unit.
          ...(inv.role === 'member' ? {} : { unitId: inv.unitId, unitPath: inv.unitPath }),
        }
      : {
          _id: ctx.newId('user'),
          openid: ctx.openid,
          name: inv.name,
          roles: [inv.role],
          unitId: inv.unitId,
          unitPath: inv.unitPath,
          sectorId: inv.sectorId ?? null,
          createdAt: ctx.now,
        };
    if (before) {
      const { _id, ...patch } = user;
      await updateUser(_id, patch);
    } else {
      await insertUser(user);
    }
    ctx.audit(`users/${user._id}`, before, user);
    return describe({ openid: ctx.openid, user, roles: ['citizen', ...user.roles.filter((r) => r !== 'citizen')] });
  },
});
