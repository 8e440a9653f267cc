import { defineAction } from '../../shared/action';
import { latestAssigned } from '../../shared/data/concerns';
import { latestOfMember } from '../../shared/data/liaisonRecords';
import { latestOfAuthor } from '../../shared/data/reports';

/**
 * What a draft may start from: the member's assigned concerns, their latest liaison records and
 * their own 社情民意信息. 4 round trips.
 */
export default defineAction({
  name: 'proposal.sourceOptions',
  roles: ['member'],
  mutates: false,
  async handler(_input, ctx) {
    const user = await ctx.user();
    const [concerns, records, reports] = await Promise.all([
      latestAssigned(ctx.openid, 20),
      latestOfMember(user._id, 20),
      latestOfAuthor(ctx.openid, 20),
    ]);
    return {
      concerns: concerns.map((c) => ({ _id: c._id, title: c.title })),
      liaison: records.map((r) => ({ _id: r._id, title: r.summary.slice(0, 30) })),
      reports: reports.map((r) => ({ _id: r._id, title: r.title })),
    };
  },
});
