import { defineAction } from '../../shared/action';
import { getConcernLimits } from '../../shared/data/unitSettings';
import { getUnit } from '../../shared/data/units';

export default defineAction({
  name: 'concern.getSettings',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const unitId = await ctx.scopeUnitId();
    const [limits, unit] = await Promise.all([getConcernLimits(unitId), getUnit(unitId)]);
    return { ...limits, unitId, unitName: unit.name };
  },
});
