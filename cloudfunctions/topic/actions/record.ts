import { defineAction } from '../../shared/action';
import { checkFiles } from '../../shared/files';
import { changeTopic, mustAllow } from '../domain/change';
import { actor, staffTopic } from '../domain/load';
import { checkTopicText } from '../domain/content';

/** What was done at the current step (a plan, research notes, minutes, photos), by whom and when. */
export default defineAction({
  name: 'topic.record',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, text, attachments }, ctx, { doc }) {
    mustAllow(doc, 'record');
    // Attachments are the caller's own uploads in the topic folder, really stored.
    await checkFiles(
      ctx.openid,
      'topic-files',
      attachments.map((a, i) => ({
        fileID: a.fileId,
        field: `attachments.${i}`,
        kind: a.kind,
        label: `附件「${a.name}」`,
      })),
    );
    await checkTopicText(ctx.openid, { text });
    const by = await actor(ctx);
    const after = await changeTopic({
      topic: doc,
      action: 'record',
      record: { kind: 'record', text, by: by.id, byName: by.name, at: ctx.now, attachments },
      now: ctx.now,
    });
    ctx.audit(`topics/${id}`, null, { step: doc.step, record: text, attachments: attachments.length });
    return { records: after.records.length };
  },
});
