import { TOPIC_STEP_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeTopic } from '../domain/change';
import { actor, staffTopic } from '../domain/load';
import { nextStep } from '../domain/steps';
import { checkTopicText } from '../domain/content';

/** Moves the topic on to the next step; reaching 公开公示 publishes it (the public page opens). */
export default defineAction({
  name: 'topic.advance',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, text }, ctx, { doc }) {
    await checkTopicText(ctx.openid, { text });
    const by = await actor(ctx);
    const to = nextStep(doc.step);
    const after = await changeTopic({
      topic: doc,
      action: 'advance',
      record: {
        kind: 'advance',
        text: text || `${TOPIC_STEP_LABELS[doc.step]}完成${to ? `，进入${TOPIC_STEP_LABELS[to]}` : ''}`,
        by: by.id,
        byName: by.name,
        at: ctx.now,
        attachments: [],
      },
      set: to === 'publicity' && !doc.publishedAt ? { publishedAt: ctx.now } : {},
      now: ctx.now,
    });
    ctx.audit(`topics/${id}`, { step: doc.step }, { step: after.step });
    return { step: after.step };
  },
});
