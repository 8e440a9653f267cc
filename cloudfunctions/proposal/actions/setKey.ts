import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { actor, staffProposal } from '../domain/load';

const FILED = ['filed', 'assigned', 'answered', 'rehandling', 'closed'];

/** 重点提案: chosen among filed proposals (seed 003: 35 of 672), or taken off the list. */
export default defineAction({
  name: 'proposal.setKey',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffProposal,
  async handler({ id, key }, ctx, { doc }) {
    if (!FILED.includes(doc.status)) throw invalidState('只有已立案的提案可以确定为重点提案');
    if (doc.key === key && !resumedOn(doc)) return { key };
    await moveProposal({
      proposal: doc,
      action: null,
      by: await actor(ctx),
      now: ctx.now,
      event: key ? '确定为重点提案' : '取消重点提案',
      set: { key },
    });
    ctx.audit(`proposals/${id}`, { key: doc.key }, { key });
    return { key };
  },
});
