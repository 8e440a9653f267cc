import { defineAction } from '../../shared/action';
import { getUnitSettings } from '../../shared/data/unitSettings';
import { getUnit } from '../../shared/data/units';

export default defineAction({
  name: 'concern.getSettings',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const unitId = await ctx.scopeUnitId();
    const [settings, unit] = await Promise.all([getUnitSettings(unitId), getUnit(unitId)]);
    return { ...settings, unitId, unitName: unit.name };
  },
});
