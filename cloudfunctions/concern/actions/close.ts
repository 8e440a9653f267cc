import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { actor, concernUnit, theConcern } from '../domain/load';

export default defineAction({
  name: 'concern.close',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: concernUnit,
  async handler({ id, note }, ctx) {
    const concern = theConcern(ctx);
    const { after } = await changeConcern({
      concern,
      action: 'close',
      by: await actor(ctx),
      now: ctx.now,
      note,
      tell: { note: note ?? '' },
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status });
    return { status: after.status };
  },
});
