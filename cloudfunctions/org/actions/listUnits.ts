import { defineAction } from '../../shared/action';
import { listSubtree } from '../../shared/data/units';

export default defineAction({
  name: 'org.listUnits',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    // A retired unit is offered nowhere (invitations, pickers); admins see it on 组织架构.
    const units = (await listSubtree(await ctx.scopeUnitId())).filter((u) => !u.retiredAt);
    return { items: units.map((u) => ({ _id: u._id, name: u.name, level: u.level, parentId: u.parentId })) };
  },
});
