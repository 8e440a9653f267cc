import { defineAction } from '../../shared/action';
import { handlingUnitsOf } from '../../shared/data/proposals';

/** The departments proposals of the caller's scope are handed to. */
export default defineAction({
  name: 'proposal.handlingUnits',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const units = await handlingUnitsOf(await ctx.scopeUnitId());
    return units.map((h) => ({ _id: h._id, name: h.name, unitId: h.unitId }));
  },
});
