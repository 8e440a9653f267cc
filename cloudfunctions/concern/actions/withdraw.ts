import { defineAction } from '../../shared/action';
import { ownConcern } from '../domain/load';
import { changeConcern } from '../../shared/concerns/change';

/**
 * The submitter takes back a concern no one has accepted yet (their right to withdraw what they
 * gave, promised by the privacy page). The update is guarded by the status, so a concern accepted
 * meanwhile is refused with its current status; staff still see it, marked 已撤回.
 */
export default defineAction({
  name: 'concern.withdraw',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownConcern,
  async handler({ id }, ctx, { doc: concern }) {
    const { before, after } = await changeConcern({
      concern,
      action: 'withdraw',
      by: { openid: ctx.openid, name: '群众' },
      now: ctx.now,
      where: { submitterOpenid: ctx.openid },
    });
    ctx.audit(`concerns/${id}`, { status: before }, { status: after.status });
    return { status: after.status };
  },
});
