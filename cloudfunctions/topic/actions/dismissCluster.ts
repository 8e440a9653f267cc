import { defineAction } from '../../shared/action';
import { dismissCluster } from '../../shared/data/topics';

/** Staff dismiss a 一类事 suggestion; it comes back only if another concern joins it (a new key). */
export default defineAction({
  name: 'topic.dismissCluster',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler({ key }, ctx) {
    const unitId = await ctx.scopeUnitId();
    await dismissCluster(unitId, key, ctx.now, (await ctx.user())._id);
    ctx.audit(`topic_dismissals/${unitId}:${key}`, null, { key });
    return { dismissed: true };
  },
});
