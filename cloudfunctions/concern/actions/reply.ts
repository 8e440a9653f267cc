import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { changeConcern } from '../../shared/concerns/change';
import { checkContent } from '../../shared/concerns/content';
import { isOverdue } from '../../shared/concerns/deadlines';
import { getConcern } from '../../shared/data/concerns';
import { forbidden, notFound } from '../../shared/errors';

/** The answer to the submitter, with photos; the first one counts for "answered on time". */
export default defineAction({
  name: 'concern.reply',
  // Open to all and checked here: the assigned member is known by the concern itself, so their
  // call needs no user look-up (the round-trip budget of a member's action).
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  async handler({ id, text, photos }, ctx) {
    const concern = await getConcern(id);
    if (!concern) throw notFound('诉求不存在或已删除');
    const mine = !!concern.assigneeOpenid && concern.assigneeOpenid === ctx.openid;
    if (!mine && !mayAct(await ctx.caller(), ['staff', 'admin'], concern.unitPath)) {
      throw forbidden('这条诉求没有交办给您');
    }
    const name = mine ? (concern.assignee?.name ?? '') : ((await ctx.caller()).user?.name ?? '');
    await checkContent(ctx.openid, { text, textField: 'text', photos, photosField: 'photos', photosFolder: 'replies' });
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
      },
      tell: { note: '已有答复，请查看并评价' },
      // The first reply is the one the time limit is about (a reopened concern's second is not).
      figures: first ? { answered: 1, onTime: isOverdue(concern.replyDueAt, ctx.now) ? 0 : 1 } : undefined,
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status, reply: text });
    return { status: after.status };
  },
});
