import type { ProposalSession } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { insertSession } from '../../shared/data/proposals';

/** Staff open a session's submission window (十三届一次会议, with its dates) for their unit. */
export default defineAction({
  name: 'proposal.createSession',
  roles: ['staff', 'admin'],
  mutates: true,
  retrySafe: true,
  async handler({ name, opensOn, closesOn }, ctx) {
    const user = await ctx.user();
    const scope = scopeUnitOf(user);
    const session: ProposalSession = {
      _id: ctx.newId('session'),
      unitId: scope.unitId,
      unitPath: scope.unitPath,
      name,
      opensOn,
      closesOn,
      createdBy: user._id,
      createdAt: ctx.now,
    };
    await insertSession(session);
    ctx.audit(`proposal_sessions/${session._id}`, null, session);
    return { _id: session._id };
  },
});
