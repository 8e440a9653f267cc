import { defineAction } from '../../shared/action';
import { latestAssigned } from '../../shared/data/concerns';
import { latestOfMember } from '../../shared/data/liaisonRecords';

/** What a draft may start from: the member's assigned concerns and their latest liaison records. 3 round trips. */
export default defineAction({
  name: 'proposal.sourceOptions',
  roles: ['member'],
  mutates: false,
  async handler(_input, ctx) {
    const user = await ctx.user();
    const [concerns, records] = await Promise.all([latestAssigned(ctx.openid, 20), latestOfMember(user._id, 20)]);
    return {
      concerns: concerns.map((c) => ({ _id: c._id, title: c.title })),
      liaison: records.map((r) => ({ _id: r._id, title: r.summary.slice(0, 30) })),
    };
  },
});
