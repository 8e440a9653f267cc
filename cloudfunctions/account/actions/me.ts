import type { Me } from '@lxq/types';
import { defineAction } from '../../shared/action';
import type { Caller } from '../../shared/caller';
import { getUnitsByIds } from '../../shared/data/units';

export default defineAction({
  name: 'account.me',
  roles: ['citizen'],
  mutates: false,
  async handler(_input, ctx) {
    return describe(await ctx.caller());
  },
});

/**
 * Who the caller is and where they may act, as the client shows it. `unitName` spares the look-up
 * of the user's unit when the caller already knows it.
 */
export async function describe(caller: Caller, unitName?: string): Promise<Me> {
  const user = caller.user;
  const units = user && !unitName ? await getUnitsByIds([user.unitId]) : null;
  const unit = user ? (unitName ? { _id: user.unitId, name: unitName } : units?.get(user.unitId)) : undefined;
  const scoped = caller.roles.some((r) => r === 'staff' || r === 'admin');
  return {
    openid: caller.openid,
    userId: user?._id ?? null,
    name: user?.name ?? '群众',
    roles: caller.roles,
    unit: unit ? { _id: unit._id, name: unit.name } : null,
    scopes: scoped && unit ? [{ _id: unit._id, name: unit.name }] : [],
  };
}
