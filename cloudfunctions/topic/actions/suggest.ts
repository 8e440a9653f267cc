import { defineAction } from '../../shared/action';
import { changeTopic } from '../domain/change';
import { staffTopic } from '../domain/load';
import { checkTopicText } from '../domain/content';

/** 协商建议清单: the numbered suggestions agreed at 协商议事 (the whole list, as it stands). */
export default defineAction({
  name: 'topic.suggest',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, suggestions }, ctx, { doc }) {
    await checkTopicText(ctx.openid, Object.fromEntries(suggestions.map((s, i) => [`suggestions.${i}`, s])));
    const items = suggestions.map((suggestion, i) => ({ no: i + 1, suggestion, progress: [], result: null }));
    await changeTopic({ topic: doc, action: 'suggest', set: { items }, now: ctx.now });
    ctx.audit(`topics/${id}`, { items: doc.items.map((i) => i.suggestion) }, { items: suggestions });
    return { items: items.length };
  },
});
