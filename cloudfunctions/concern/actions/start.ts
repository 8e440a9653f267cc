import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { changeConcern } from '../../shared/concerns/change';
import { getConcern } from '../../shared/data/concerns';
import { forbidden, notFound } from '../../shared/errors';

/** The assigned member (or staff in scope, for a committee or workstation) starts handling it. */
export default defineAction({
  name: 'concern.start',
  // Open to all and checked here: the assigned member is known by the concern itself, so their
  // call needs no user look-up (the round-trip budget of a member's action).
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  async handler({ id }, ctx) {
    const concern = await getConcern(id);
    if (!concern) throw notFound('诉求不存在或已删除');
    const mine = !!concern.assigneeOpenid && concern.assigneeOpenid === ctx.openid;
    if (!mine && !mayAct(await ctx.caller(), ['staff', 'admin'], concern.unitPath)) {
      throw forbidden('这条诉求没有交办给您');
    }
    const name = mine ? (concern.assignee?.name ?? '') : ((await ctx.caller()).user?.name ?? '');
    const { after } = await changeConcern({
      concern,
      action: 'start',
      by: { openid: ctx.openid, name },
      now: ctx.now,
      tell: {},
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status });
    return { status: after.status };
  },
});
