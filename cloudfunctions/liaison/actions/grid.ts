import { defineAction } from '../../shared/action';
import { gridProgress } from '../domain/grid';

/** 网格化联系: the members a director or convener liaises with, those behind first. */
export default defineAction({
  name: 'liaison.grid',
  roles: ['member'],
  mutates: false,
  async handler(input, ctx) {
    const { period, quota, groups } = await gridProgress(await ctx.user(), input, ctx.now);
    return {
      ...period,
      quota,
      groups: groups.map((g) => ({ ...g, members: g.members.map(({ openid: _openid, ...m }) => m) })),
    };
  },
});
