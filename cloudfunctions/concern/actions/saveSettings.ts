import { defineAction } from '../../shared/action';
import { setLimits } from '../../shared/data/concernCounters';
import { getConcernLimits, saveConcernLimits } from '../../shared/data/unitSettings';

/** An admin sets the unit's time limits; concerns submitted from now on get them. */
export default defineAction({
  name: 'concern.saveSettings',
  roles: ['admin'],
  mutates: true,
  async handler(limits, ctx) {
    const unitId = await ctx.scopeUnitId();
    const before = await getConcernLimits(unitId);
    await saveConcernLimits(unitId, limits, ctx.now, ctx.openid);
    // Submissions read the limits from their bucket (no extra round trip), so copy them there.
    await setLimits(unitId, limits);
    ctx.audit(`unit_settings/${unitId}`, before, limits);
    return limits;
  },
});
