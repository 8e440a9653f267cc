import { defineAction } from '../../shared/action';
import { listSubtree } from '../../shared/data/units';

export default defineAction({
  name: 'org.listUnits',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const units = await listSubtree(await ctx.scopeUnitId());
    return { items: units.map((u) => ({ _id: u._id, name: u.name, level: u.level, parentId: u.parentId })) };
  },
});
