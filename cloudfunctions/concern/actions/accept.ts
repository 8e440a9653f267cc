import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { actor, staffConcern } from '../domain/load';

export default defineAction({
  name: 'concern.accept',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffConcern,
  async handler({ id, note }, ctx, { doc: concern }) {
    const { after } = await changeConcern({
      concern,
      action: 'accept',
      by: await actor(ctx),
      now: ctx.now,
      note,
      tell: { note: note ?? '' },
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status });
    return { status: after.status };
  },
});
