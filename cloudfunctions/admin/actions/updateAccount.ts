import type { Role, User } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { updateUser } from '../../shared/data/users';
import { forbidden, invalid } from '../../shared/errors';
import { accountTarget } from '../domain/accounts';
import { openUnit } from '../domain/units';

/** Changes a person's roles and unit (restoring a revoked account too). */
export default defineAction({
  name: 'admin.updateAccount',
  roles: ['admin'],
  mutates: true,
  target: accountTarget,
  async handler(input, ctx, { doc: user }) {
    const caller = await ctx.caller();
    const unit = await openUnit(input.unitId);
    if (!mayAct(caller, ['admin'], unit.path)) throw forbidden('所选单位不在您的管辖范围内');
    const roles = [...new Set(input.roles)] as Role[];
    if (user._id === caller.user?._id && !roles.includes('admin')) {
      throw invalid({ roles: '不能取消自己的管理员身份，请由其他管理员操作' });
    }
    const moved = unit._id !== user.unitId;
    const staffRole = roles.includes('staff') || roles.includes('admin');
    const patch: Partial<User> = {
      roles,
      unitId: unit._id,
      unitPath: unit.path,
      revokedAt: null,
      unitRetired: false,
      // A member moved to another unit chooses their sector there again.
      ...(moved ? { sectorId: null } : {}),
      // Staff of another unit: that scope goes with the staff role.
      ...(!staffRole || moved ? { staffUnitId: null, staffUnitPath: null } : {}),
    };
    await updateUser(user._id, patch, user);
    const before = { roles: user.roles, unitId: user.unitId, revokedAt: user.revokedAt ?? null };
    ctx.audit(`users/${user._id}`, before, { roles, unitId: unit._id, revokedAt: null }, unit.path);
    return { _id: user._id };
  },
});
