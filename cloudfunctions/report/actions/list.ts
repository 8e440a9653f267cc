import { defineAction } from '../../shared/action';
import { pageForStaff } from '../../shared/data/reports';
import { getUnitsByIds } from '../../shared/data/units';
import { toListItem } from '../domain/view';

/** The desk's table: 待本级处理 (submitted to or forwarded up to this unit), or all from its subtree. */
export default defineAction({
  name: 'report.list',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filter }, ctx) {
    const { items, total } = await pageForStaff(await ctx.scopeUnitId(), filter, page, pageSize);
    const units = await getUnitsByIds(items.flatMap((r) => [r.unitId, r.atUnitId]));
    return { items: items.map((r) => toListItem(r, units)), total, page, pageSize };
  },
});
