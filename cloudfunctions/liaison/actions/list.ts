import { defineAction } from '../../shared/action';
import { pageForStaff } from '../../shared/data/liaisonRecords';
import { getUnitsByIds, listSubtree } from '../../shared/data/units';
import { occasionsInSubtree } from '../../shared/unitLists';
import { recordViews } from '../domain/views';
import { staffFilter } from '../domain/filters';

/** Staff browse the records of their unit subtree by member, sector, channel, occasion and dates. */
export default defineAction({
  name: 'liaison.list',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filters }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const [{ items, total }, subtree] = await Promise.all([
      pageForStaff(unitId, staffFilter(filters), page, pageSize),
      listSubtree(unitId),
    ]);
    // The occasion filter offers what the subtree's units offer (issue 17), the ancestors' lists included.
    const above = await getUnitsByIds(subtree.find((u) => u._id === unitId)?.path ?? [unitId]);
    const occasions = occasionsInSubtree(subtree, [...above.values()]);
    return { items: await recordViews(items), total, page, pageSize, occasions };
  },
});
