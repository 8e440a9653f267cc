import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { actor, staffConcern } from '../domain/load';

/** A staff-only remark: kept apart from the timeline, never shown to the submitter. */
export default defineAction({
  name: 'concern.addNote',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffConcern,
  async handler({ id, text }, ctx, { doc: concern }) {
    const by = await actor(ctx);
    const { after } = await changeConcern({
      concern,
      action: 'note',
      by,
      now: ctx.now,
      silent: true,
      push: { notes: [{ at: ctx.now, by: by.openid, byName: by.name, text }] },
    });
    ctx.audit(`concerns/${id}`, null, { note: text });
    return { notes: after.notes?.length ?? 0 };
  },
});
