import { defineAction } from '../../shared/action';
import { pageLeavesOfMember } from '../../shared/data/leaves';
import { toLeaveView } from '../domain/views';

/** The member's own leave/swap requests and the swaps others asked of them. */
export default defineAction({
  name: 'duty.myRequests',
  roles: ['member'],
  mutates: false,
  async handler({ page, pageSize }, ctx) {
    const me = await ctx.user();
    const { items, total } = await pageLeavesOfMember(me._id, page, pageSize);
    return { items: items.map((l) => toLeaveView(l, me._id)), total, page, pageSize };
  },
});
