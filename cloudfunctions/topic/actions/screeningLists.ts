import { defineAction } from '../../shared/action';
import { getScreeningLists } from '../../shared/data/topics';

/** The caller's unit's may / may-not lists (seed 002's defaults until the unit saves its own). */
export default defineAction({
  name: 'topic.screeningLists',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    return getScreeningLists(await ctx.scopeUnitId());
  },
});
