import { defineAction } from '../../shared/action';
import { invalid } from '../../shared/errors';
import { changeTopic, mustAllow } from '../domain/change';
import { staffTopic } from '../domain/load';
import { nextDue } from '../domain/view';

/**
 * 责任落实清单: at 组织决定, one suggestion's responsible department, person in charge, deadline,
 * measurable outcome and the body that decided it ("献策不决策、参与不干预").
 */
export default defineAction({
  name: 'topic.assign',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, no, department, owner, deadline, outcome, decidedBy }, ctx, { doc }) {
    mustAllow(doc, 'assign');
    const at = doc.items.findIndex((i) => i.no === no);
    if (at < 0) throw invalid({ no: `协商建议清单中没有第 ${no} 条` });
    const items = doc.items.map((i, k) => (k === at ? { ...i, department, owner, deadline, outcome, decidedBy } : i));
    await changeTopic({
      topic: doc,
      action: 'assign',
      set: { [`items.${at}`]: items[at], nextDueAt: nextDue(items) },
      now: ctx.now,
    });
    ctx.audit(`topics/${id}`, { item: doc.items[at] }, { item: items[at] });
    return { assigned: items.filter((i) => !!i.department).length };
  },
});
