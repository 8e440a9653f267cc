import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { handledConcern } from '../domain/load';

/** The assigned member (or staff in scope, for a committee or workstation) starts handling it. */
export default defineAction({
  name: 'concern.start',
  // Open to all at the door; the target admits the assigned member (no user look-up: the round-trip
  // budget of a member's action) or staff in scope.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: handledConcern,
  async handler({ id }, ctx, { doc: concern, as }) {
    const mine = as === 'assignee';
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
