import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { handlerCase } from '../domain/handler';

/** 签收: the unit acknowledges what it was given. */
export default defineAction({
  name: 'proposal.acknowledge',
  roles: ['handler'],
  mutates: true,
  retrySafe: true,
  async handler({ id }, ctx) {
    const { proposal, mine, at, by } = await handlerCase(ctx, id);
    if (!resumedOn(proposal) && mine.status !== 'pending') throw invalidState('该提案已签收');
    await moveProposal({
      proposal,
      action: null,
      by,
      now: ctx.now,
      event: `${mine.name}签收`,
      set: { [`assignments.${at}.status`]: 'acknowledged', [`assignments.${at}.acknowledgedAt`]: ctx.now },
      where: { [`assignments.${at}.status`]: 'pending' },
      otherwise: '该提案已签收',
    });
    ctx.audit(`proposals/${id}`, { assignment: 'pending' }, { assignment: 'acknowledged' });
    return { status: 'acknowledged' as const };
  },
});
