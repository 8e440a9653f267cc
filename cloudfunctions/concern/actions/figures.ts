import { OPEN_CONCERN_STATUSES } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { sumBuckets } from '../../shared/concerns/counters';
import { quarterOf } from '../../shared/concerns/deadlines';
import { bucketsInSubtree } from '../../shared/data/concernCounters';
import { countOverdue } from '../../shared/data/concerns';

/** Headline figures of the unit's subtree this quarter (seed 004: 收集700余条，反馈和处理600多条). */
export default defineAction({
  name: 'concern.figures',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const unitId = await ctx.scopeUnitId();
    const quarter = quarterOf(ctx.now);
    const [buckets, overdue] = await Promise.all([bucketsInSubtree(unitId), countOverdue(unitId, ctx.now)]);
    const { counts, quarter: q } = sumBuckets(buckets, quarter);
    return {
      quarter: `${quarter.slice(0, 4)} 年第 ${quarter.slice(5)} 季度`,
      collected: q.collected,
      answered: q.answered,
      onTimeRate: q.answered ? Math.round((q.onTime / q.answered) * 1000) / 10 : null,
      averageRating: q.ratingCount ? Math.round((q.ratingSum / q.ratingCount) * 10) / 10 : null,
      ratings: q.ratingCount,
      open: OPEN_CONCERN_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0),
      overdue,
    };
  },
});
