import type { Me } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { scopeUnitOf, type Caller } from '../../shared/caller';
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
 * of the user's unit when the caller already knows it. `unit` is the person's own unit; `scopes`
 * where their staff or admin roles act (another unit when they are a member elsewhere).
 */
export async function describe(caller: Caller, unitName?: string): Promise<Me> {
  const user = caller.user;
  const scope = user ? scopeUnitOf(user) : null;
  const known = user && unitName && scope?.unitId === user.unitId;
  const units = user && !known ? await getUnitsByIds([...new Set([user.unitId, scope!.unitId])]) : null;
  const named = (id: string) => (known ? { _id: id, name: unitName } : units?.get(id));
  const unit = user ? named(user.unitId) : undefined;
  const scopeUnit = scope ? named(scope.unitId) : undefined;
  const scoped = caller.roles.some((r) => r === 'staff' || r === 'admin');
  return {
    openid: caller.openid,
    userId: user?._id ?? null,
    name: user?.name ?? '群众',
    roles: caller.roles,
    unit: unit ? { _id: unit._id, name: unit.name } : null,
    scopes: scoped && scopeUnit ? [{ _id: scopeUnit._id, name: scopeUnit.name }] : [],
  };
}
