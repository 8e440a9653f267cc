import { REOPEN_WINDOW_DAYS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { ownConcern } from '../domain/load';
import { changeConcern } from '../../shared/concerns/change';
import { cond } from '../../shared/data/concerns';
import { invalidState } from '../../shared/errors';
import { addDays } from '../../shared/time';

/**
 * The submitter is not satisfied: back to 办理中, once, within 7 days of the reply. The handler
 * sees it back in 分派给我 with a fresh reply deadline (and the daily reminder if it runs late);
 * telling them now would cost the citizen's action more than its 4 round trips.
 */
export default defineAction({
  name: 'concern.reopen',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownConcern,
  async handler({ id, reason }, ctx, { doc: concern }) {
    const { before, after } = await changeConcern({
      concern,
      action: 'reopen',
      by: { openid: ctx.openid, name: '群众' },
      now: ctx.now,
      note: reason,
      where: {
        submitterOpenid: ctx.openid,
        reopenCount: cond.notEqual(1),
        'reply.at': cond.atLeast(addDays(ctx.now, -REOPEN_WINDOW_DAYS)),
      },
      otherwise: () => invalidState(`只能在答复后 ${REOPEN_WINDOW_DAYS} 天内申请重新办理一次`),
      inc: { reopenCount: 1 },
    });
    ctx.audit(`concerns/${id}`, { status: before }, { status: after.status, reason });
    return { status: after.status };
  },
});
