import type { ConcernAssignee } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { tellAssignee, tellSubmitter } from '../../shared/concerns/tell';
import { actor, concernUnit, theConcern } from '../load';
import { findAssignee } from '../assignees';

/** Assign, or reassign, to a member, a special committee or a workstation. */
export default defineAction({
  name: 'concern.assign',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: concernUnit,
  async handler({ id, target, note }, ctx) {
    const concern = theConcern(ctx);
    const found = await findAssignee(concern, target, await ctx.scopeUnitId());
    const assignee: ConcernAssignee = { kind: target.kind, id: target.id, name: found.name };
    const { after } = await changeConcern({
      concern,
      action: 'assign',
      by: await actor(ctx),
      now: ctx.now,
      note: `交办给${found.label}${note ? `：${note}` : ''}`,
      set: { assignee, assigneeOpenid: found.openid },
    });
    ctx.audit(
      `concerns/${id}`,
      { status: concern.status, assignee: concern.assignee ?? null },
      { status: after.status, assignee },
    );
    await Promise.all([
      found.openid ? tellAssignee(after, found.openid, ctx.newId('tell-assignee'), ctx.now) : null,
      // A reassignment keeps the status: the submitter hears only of the first assignment.
      concern.status !== after.status ? tellSubmitter(after, 'assign', '', ctx.newId('tell'), ctx.now) : null,
    ]);
    return { status: after.status };
  },
});
