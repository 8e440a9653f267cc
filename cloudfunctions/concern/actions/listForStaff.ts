import { defineAction } from '../../shared/action';
import { countByStatus, pageInUnit } from '../../shared/data/concerns';
import { toListItem } from './listItem';

export default defineAction({
  name: 'concern.listForStaff',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, status }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const [items, counts] = await Promise.all([pageInUnit(unitId, status, page, pageSize), countByStatus(unitId)]);
    const total = status ? (counts[status] ?? 0) : Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    return { items: items.map((c) => toListItem(c, 'handler')), total, page, pageSize, counts };
  },
});
