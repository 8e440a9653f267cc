import { defineAction } from '../../shared/action';
import { quotaFor, saveQuota } from '../../shared/data/liaisonQuotas';
import { getUnit } from '../../shared/data/units';

/** An admin sets the unit's quotas; units below without their own follow it. */
export default defineAction({
  name: 'liaison.saveQuota',
  roles: ['admin'],
  mutates: true,
  async handler(quota, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const { quota: before } = await quotaFor(unit.path);
    await saveQuota(unit._id, quota, ctx.now, ctx.openid);
    ctx.audit(`liaison_quotas/${unit._id}`, before, quota);
    return { quota };
  },
});
