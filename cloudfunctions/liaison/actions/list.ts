import { defineAction } from '../../shared/action';
import { pageForStaff } from '../../shared/data/liaisonRecords';
import { recordViews } from '../domain/views';
import { staffFilter } from '../domain/filters';

/** Staff browse the records of their unit subtree by member, sector, channel, occasion and dates. */
export default defineAction({
  name: 'liaison.list',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filters }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const { items, total } = await pageForStaff(unitId, staffFilter(filters), page, pageSize);
    return { items: await recordViews(items), total, page, pageSize };
  },
});
