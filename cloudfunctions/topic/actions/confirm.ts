import { defineAction } from '../../shared/action';
import { changeTopic } from '../domain/change';
import { actor, staffTopic } from '../domain/load';

/**
 * 议题确定: records the confirming body (党委(支部)+政协委员+N) and date and moves to 制定方案.
 * Refused while the topic is unscreened or ticked against a may-not item.
 */
export default defineAction({
  name: 'topic.confirm',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, body, date }, ctx, { doc }) {
    const by = await actor(ctx);
    const confirmation = { body, date, byName: by.name, at: ctx.now };
    const after = await changeTopic({
      topic: doc,
      action: 'confirm',
      record: {
        kind: 'confirm',
        text: `经${body}确定为协商议题`,
        by: by.id,
        byName: by.name,
        at: ctx.now,
        attachments: [],
      },
      set: { confirmation },
      // The screening it was confirmed on must be the one stored now.
      where: { 'screening.at': doc.screening?.at ?? null },
      now: ctx.now,
    });
    ctx.audit(`topics/${id}`, { step: doc.step }, { step: after.step, confirmation });
    return { step: after.step };
  },
});
