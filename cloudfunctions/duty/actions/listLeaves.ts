import { defineAction } from '../../shared/action';
import { pageLeavesInUnit } from '../../shared/data/leaves';
import { toLeaveView } from '../domain/views';

export default defineAction({
  name: 'duty.listLeaves',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filter }, ctx) {
    const { items, total } = await pageLeavesInUnit(await ctx.scopeUnitId(), filter, page, pageSize);
    return { items: items.map((l) => toLeaveView(l)), total, page, pageSize };
  },
});
