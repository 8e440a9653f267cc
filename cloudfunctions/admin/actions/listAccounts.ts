import { defineAction } from '../../shared/action';
import { getUnit, getUnitsByIds } from '../../shared/data/units';
import { pageAccounts } from '../../shared/data/users';
import { accountStatus } from '../domain/accounts';

/** The people of the admin's subtree (or of one unit in it), searched and paged on the server. */
export default defineAction({
  name: 'admin.listAccounts',
  roles: ['admin'],
  mutates: false,
  unitOf: async (input) => (input.unitId ? (await getUnit(input.unitId)).path : null),
  async handler(input, ctx) {
    const root = input.unitId ?? (await ctx.scopeUnitId());
    const { items, total } = await pageAccounts(
      root,
      { q: input.q || undefined, role: input.role, sort: input.sort },
      input.page,
      input.pageSize,
    );
    const units = await getUnitsByIds(items.map((u) => u.unitId));
    return {
      items: items.map((u) => ({
        _id: u._id,
        name: u.name,
        roles: u.roles,
        unitId: u.unitId,
        unitName: units.get(u.unitId)?.name ?? '',
        phone: u.phone ?? '',
        status: accountStatus(u),
        term: u.termEnded?.term ?? '',
      })),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
