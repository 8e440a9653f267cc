import { defineAction } from '../../shared/action';
import { setLimits } from '../../shared/data/concernCounters';
import { getUnitSettings, saveConcernLimits } from '../../shared/data/unitSettings';
import { getUnit } from '../../shared/data/units';

/**
 * An admin sets the unit's time limits (concerns submitted from now on get them) and how many
 * years closed concerns keep personal data (the privacy page states it).
 */
export default defineAction({
  name: 'concern.saveSettings',
  roles: ['admin'],
  mutates: true,
  async handler({ acceptWorkingDays, replyDays, retentionYears }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const [before, unit] = await Promise.all([getUnitSettings(unitId), getUnit(unitId)]);
    const limits = { acceptWorkingDays, replyDays };
    const years = retentionYears ?? before.retentionYears;
    await saveConcernLimits(unitId, limits, ctx.now, ctx.openid, { retentionYears: years, unitName: unit.name });
    // Submissions read the limits from their bucket (no extra round trip), so copy them there.
    await setLimits(unitId, limits);
    ctx.audit(`unit_settings/${unitId}`, before, { ...limits, retentionYears: years });
    return { ...limits, retentionYears: years };
  },
});
