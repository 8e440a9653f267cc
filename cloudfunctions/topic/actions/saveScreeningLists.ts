import { defineAction } from '../../shared/action';
import { getScreeningLists, saveScreeningLists } from '../../shared/data/topics';

/** Staff keep their unit's own may / may-not lists; topics already screened keep what was ticked. */
export default defineAction({
  name: 'topic.saveScreeningLists',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler({ may, mayNot }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const before = await getScreeningLists(unitId);
    const lists = { may: [...new Set(may)], mayNot: [...new Set(mayNot)] };
    await saveScreeningLists(unitId, lists, ctx.now, (await ctx.user())._id, before);
    ctx.audit(`topic_settings/${unitId}`, before, lists);
    return { may: lists.may.length, mayNot: lists.mayNot.length };
  },
});
