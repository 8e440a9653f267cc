import { CONCERN_CATEGORIES } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { sumBuckets } from '../../shared/concerns/counters';
import { quarterOf } from '../../shared/concerns/deadlines';
import { bucketsInSubtree } from '../../shared/data/concernCounters';
import { countOverdue, pageForStaff } from '../../shared/data/concerns';
import { dayStartInChina } from '../domain/dates';
import { toListItem } from '../domain/view';

export default defineAction({
  name: 'concern.listForStaff',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, from, to, ...filters }, ctx) {
    const unitId = await ctx.scopeUnitId();
    // Counts come from the counters, never from the concerns: the same cost at 1,000 or 100,000.
    const onlyStatus =
      !filters.overdue &&
      !filters.category &&
      !filters.workstationId &&
      !filters.sectorId &&
      !filters.q &&
      !from &&
      !to;
    const [list, buckets, overdue] = await Promise.all([
      pageForStaff(
        unitId,
        { ...filters, from: from ? dayStartInChina(from) : undefined, to: to ? dayStartInChina(to, 1) : undefined },
        ctx.now,
        page,
        pageSize,
        !onlyStatus,
      ),
      bucketsInSubtree(unitId),
      countOverdue(unitId, ctx.now),
    ]);
    const { counts } = sumBuckets(buckets, quarterOf(ctx.now));
    const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    const total = onlyStatus ? (filters.status ? (counts[filters.status] ?? 0) : all) : list.total;
    return {
      items: list.items.map((c) => toListItem(c, 'handler', ctx.now)),
      total,
      page,
      pageSize,
      counts,
      overdue,
      // The filter's choices: every category the subtree's units offer (issue 17), from the same counters.
      categories: buckets.length
        ? [...new Set(buckets.flatMap((b) => b.categories ?? CONCERN_CATEGORIES))]
        : [...CONCERN_CATEGORIES],
    };
  },
});
