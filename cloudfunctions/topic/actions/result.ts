import { TOPIC_STEP_LABELS, type Topic } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalid } from '../../shared/errors';
import { changeTopic, mustAllow } from '../domain/change';
import { actor, staffTopic } from '../domain/load';
import { tellSubmitters } from '../domain/tell';
import { nextDue } from '../domain/view';
import { checkTopicText } from '../domain/content';

/**
 * 结果反馈清单: the final result of one item. The item takes one result (a second is refused,
 * and a concurrent one fails the guarded update); the last one closes the topic. Every submitter
 * whose concern fed the topic is told, and their concern shows the results.
 */
export default defineAction({
  name: 'topic.result',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, no, text }, ctx, { doc }) {
    mustAllow(doc, 'result');
    const at = doc.items.findIndex((i) => i.no === no);
    if (at < 0) throw invalid({ no: `协商建议清单中没有第 ${no} 条` });
    if (doc.items[at].result) throw invalid({ no: `第 ${no} 条已反馈结果` });
    await checkTopicText(ctx.openid, { text });
    const by = await actor(ctx);
    const items = doc.items.map((i, k) => (k === at ? { ...i, result: text, resultAt: ctx.now, overdue: false } : i));
    const done = items.every((i) => !!i.result);
    const set: Record<string, unknown> = {
      [`items.${at}.result`]: text,
      [`items.${at}.resultAt`]: ctx.now,
      [`items.${at}.overdue`]: false,
      nextDueAt: nextDue(items),
      ...(done ? { closedAt: ctx.now } : {}),
    };
    const after = await changeTopic({
      topic: doc,
      action: 'result',
      set,
      where: { [`items.${at}.result`]: null },
      record: done
        ? {
            kind: 'close',
            text: `${TOPIC_STEP_LABELS.implement}完成：${items.length} 条建议均已反馈结果，议题办结`,
            by: by.id,
            byName: by.name,
            at: ctx.now,
            attachments: [],
          }
        : undefined,
      now: ctx.now,
    });
    const topic: Topic = { ...after, items, closedAt: done ? ctx.now : null };
    const told = await tellSubmitters(topic, `第 ${no} 条建议已有办理结果`, ctx.now);
    ctx.audit(`topics/${id}`, { no, result: null }, { no, result: text, closed: done });
    return { withResult: items.filter((i) => !!i.result).length, closed: done, told };
  },
});
