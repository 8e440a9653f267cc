import { CONCERN_LINK_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { alreadyChanged } from '../../shared/rewind';
import { actor, staffConcern } from '../domain/load';

/** Links the concern to a consultation topic, information report or proposal it fed. */
export default defineAction({
  name: 'concern.link',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffConcern,
  async handler({ id, kind, refId, title }, ctx, { doc: concern }) {
    const links = concern.links ?? [];
    // The same item again (by its number or address, or by title when it has none) changes nothing.
    const same = (l: (typeof links)[number]) => l.kind === kind && (refId ? l.refId === refId : l.title === title);
    // Unless this very request stored it before it died: changeConcern then finishes its work.
    if (links.some(same) && !alreadyChanged(concern)) return { links: links.length };
    const link = { kind, refId, title, at: ctx.now };
    const { after } = await changeConcern({
      concern,
      action: 'link',
      by: await actor(ctx),
      now: ctx.now,
      note: `已转为${CONCERN_LINK_LABELS[kind]}「${title}」`,
      push: { links: [link] },
      // The submitter sees links: "有新进展" in 我的诉求, but no subscribe message (no status change).
      ...(concern.submitterOpenid ? { set: { submitterUnread: true } } : {}),
    });
    ctx.audit(`concerns/${id}`, null, { link });
    return { links: after.links?.length ?? 0 };
  },
});
