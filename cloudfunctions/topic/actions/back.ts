import { TOPIC_STEP_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeTopic } from '../domain/change';
import { actor, staffTopic } from '../domain/load';
import { previousStep } from '../domain/steps';
import { checkTopicText } from '../domain/content';

/**
 * Moves the topic back one step, with the reason in its record. Back at 议题确定 the confirmation
 * no longer holds: the topic is confirmed again. Back before 公开公示 the public page closes.
 */
export default defineAction({
  name: 'topic.back',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, reason }, ctx, { doc }) {
    await checkTopicText(ctx.openid, { reason });
    const by = await actor(ctx);
    const to = previousStep(doc.step);
    const set: Record<string, unknown> = {};
    if (to === 'confirm') set.confirmation = null;
    if (to === 'meeting') set.publishedAt = null;
    const after = await changeTopic({
      topic: doc,
      action: 'back',
      record: {
        kind: 'back',
        text: `退回${to ? TOPIC_STEP_LABELS[to] : ''}：${reason}`,
        by: by.id,
        byName: by.name,
        at: ctx.now,
        attachments: [],
      },
      set,
      now: ctx.now,
    });
    ctx.audit(`topics/${id}`, { step: doc.step }, { step: after.step, reason });
    return { step: after.step };
  },
});
