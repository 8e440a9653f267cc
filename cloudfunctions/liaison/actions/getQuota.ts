import { defineAction } from '../../shared/action';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getUnit } from '../../shared/data/units';

/** The quota that applies in the caller's unit, and whether the unit set it itself. */
export default defineAction({
  name: 'liaison.getQuota',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const { quota, unitId } = await quotaFor(unit.path);
    return { quota, unitName: unit.name, custom: unitId === unit._id };
  },
});
