import { _ } from '../../shared/cloud';
import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { departmentsFor } from '../domain/departments';
import { actor, staffProposal } from '../domain/load';

/** 前置预审: a department's opinion on a submitted proposal, before the committee decides. Internal. */
export default defineAction({
  name: 'proposal.preReview',
  roles: ['staff', 'admin'],
  mutates: true,
  retrySafe: false,
  target: staffProposal,
  async handler({ id, handlingUnitId, opinion }, ctx, { doc }) {
    if (!resumedOn(doc) && doc.status !== 'submitted') throw invalidState('只有待审查的提案可以记录预审意见');
    const [department] = await departmentsFor(doc, [handlingUnitId], 'handlingUnitId');
    const by = await actor(ctx);
    const entry = { handlingUnitId, name: department.name, opinion, at: ctx.now, by: by.name };
    await moveProposal({
      proposal: doc,
      action: null,
      by,
      now: ctx.now,
      event: `前置预审：${department.name}`,
      note: opinion,
      internal: true,
      set: { preReviews: _.push([entry]) },
    });
    ctx.audit(`proposals/${id}`, null, { preReview: entry });
    return { preReviews: doc.preReviews.length + 1 };
  },
});
