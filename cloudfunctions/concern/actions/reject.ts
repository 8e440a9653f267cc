import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { isOverdue } from '../../shared/concerns/deadlines';
import { actor, staffConcern } from '../domain/load';

/** Not accepted, with the reason the submitter reads. It counts as answered for the figures. */
export default defineAction({
  name: 'concern.reject',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffConcern,
  async handler({ id, reason }, ctx, { doc: concern }) {
    const { after } = await changeConcern({
      concern,
      action: 'reject',
      by: await actor(ctx),
      now: ctx.now,
      note: reason,
      tell: { note: reason },
      figures: { answered: 1, onTime: isOverdue(concern.dueAt, ctx.now) ? 0 : 1 },
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status, reason });
    return { status: after.status };
  },
});
