import type { Topic, TopicListItem } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { pageForUnit } from '../../shared/data/topics';
import { iso } from '../../shared/time';

const row = (t: Topic): TopicListItem => ({
  _id: t._id,
  title: t.title,
  source: t.source,
  form: t.form,
  step: t.step,
  unitId: t.unitId,
  items: t.items.length,
  withResult: t.items.filter((i) => !!i.result).length,
  overdue: t.items.filter((i) => i.overdue && !i.result).length,
  concerns: t.concerns.length,
  closed: !!t.closedAt,
  createdAt: iso(t.createdAt),
  updatedAt: iso(t.updatedAt),
});

/** The topics of the caller's subtree: a county its own, the city every county's. */
export default defineAction({
  name: 'topic.list',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filters }, ctx) {
    const { items, total } = await pageForUnit(await ctx.scopeUnitId(), filters, page, pageSize);
    return { items: items.map(row), total, page, pageSize };
  },
});
