import { defineAction } from '../../shared/action';
import { invalid } from '../../shared/errors';
import { changeTopic, mustAllow } from '../domain/change';
import { actor, staffTopic } from '../domain/load';
import { checkTopicText } from '../domain/content';

/** 结果反馈清单: a progress update on one item while it is followed up. */
export default defineAction({
  name: 'topic.progress',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, no, text }, ctx, { doc }) {
    mustAllow(doc, 'progress');
    const at = doc.items.findIndex((i) => i.no === no);
    if (at < 0) throw invalid({ no: `协商建议清单中没有第 ${no} 条` });
    if (doc.items[at].result) throw invalid({ no: `第 ${no} 条已反馈结果` });
    await checkTopicText(ctx.openid, { text });
    const by = await actor(ctx);
    const progress = { text, at: ctx.now, byName: by.name };
    await changeTopic({ topic: doc, action: 'progress', push: { [`items.${at}.progress`]: [progress] }, now: ctx.now });
    ctx.audit(`topics/${id}`, null, { no, progress: text });
    return { progress: doc.items[at].progress.length + 1 };
  },
});
