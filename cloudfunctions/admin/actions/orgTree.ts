import { defineAction } from '../../shared/action';
import { listSubtree } from '../../shared/data/units';
import { adminUnitOf } from '../domain/units';

/** The admin's subtree, retired units included (marked), for the 组织架构 screen. */
export default defineAction({
  name: 'admin.orgTree',
  roles: ['admin'],
  mutates: false,
  async handler(_input, ctx) {
    const scopeUnitId = await ctx.scopeUnitId();
    const units = await listSubtree(scopeUnitId);
    return {
      scopeUnitId,
      items: units.map(adminUnitOf),
    };
  },
});
