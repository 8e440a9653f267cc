import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { checkContent } from '../../shared/concerns/content';
import { isOverdue } from '../../shared/concerns/deadlines';
import { handledConcern } from '../domain/load';

/** The answer to the submitter, with photos; the first one counts for "answered on time". */
export default defineAction({
  name: 'concern.reply',
  // Open to all at the door; the target admits the assigned member (no user look-up: the round-trip
  // budget of a member's action) or staff in scope.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: handledConcern,
  async handler({ id, text, photos }, ctx, { doc: concern, as }) {
    const mine = as === 'assignee';
    const name = mine ? (concern.assignee?.name ?? '') : ((await ctx.caller()).user?.name ?? '');
    const { mediaChecks } = await checkContent(ctx.openid, {
      text,
      textField: 'text',
      photos,
      photosField: 'photos',
      photosFolder: 'replies',
    });
    const first = !concern.firstRepliedAt;
    const { after } = await changeConcern({
      concern,
      action: 'reply',
      by: { openid: ctx.openid, name },
      now: ctx.now,
      note: text.length > 60 ? `${text.slice(0, 59)}…` : text,
      set: {
        reply: { text, photos, at: ctx.now, byName: mine ? `委员${name}` : (concern.assignee?.name ?? '工作人员') },
        ...(first ? { firstRepliedAt: ctx.now } : {}),
        ...(mediaChecks.length ? { mediaChecks: [...(concern.mediaChecks ?? []), ...mediaChecks] } : {}),
      },
      tell: { note: '已有答复，请查看并评价' },
      // The first reply is the one the time limit is about (a reopened concern's second is not).
      figures: first ? { answered: 1, onTime: isOverdue(concern.replyDueAt, ctx.now) ? 0 : 1 } : undefined,
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status, reply: text });
    return { status: after.status };
  },
});
