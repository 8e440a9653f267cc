import type { ConcernAssignee } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { tellAssignee } from '../../shared/concerns/tell';
import { actor, staffConcern } from '../domain/load';
import { findAssignee } from '../domain/assignees';

/** Assign, or reassign, to a member, a special committee or a workstation. */
export default defineAction({
  name: 'concern.assign',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffConcern,
  async handler({ id, target, note }, ctx, { doc: concern }) {
    const found = await findAssignee(concern, target, await ctx.scopeUnitId());
    const assignee: ConcernAssignee = { kind: target.kind, id: target.id, name: found.name };
    const { after } = await changeConcern({
      concern,
      action: 'assign',
      by: await actor(ctx),
      now: ctx.now,
      note: `交办给${found.label}${note ? `：${note}` : ''}`,
      set: { assignee, assigneeOpenid: found.openid },
      // A reassignment keeps the status: the submitter hears only of the first assignment.
      tell: concern.status === 'assigned' ? undefined : {},
    });
    ctx.audit(
      `concerns/${id}`,
      { status: concern.status, assignee: concern.assignee ?? null },
      { status: after.status, assignee },
    );
    if (found.openid) await tellAssignee(after, found.openid, ctx.newId('tell-assignee'), ctx.now);
    return { status: after.status };
  },
});
