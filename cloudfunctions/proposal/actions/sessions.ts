import { defineAction } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { sessionsFor } from '../../shared/data/proposals';
import { sessionView } from '../domain/sessions';

/** The sessions a member may submit to (their unit's and its ancestors'), or staff's scope's. */
export default defineAction({
  name: 'proposal.sessions',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const user = await ctx.user();
    const path = user.roles.includes('member') ? user.unitPath : scopeUnitOf(user).unitPath;
    return (await sessionsFor(path)).map((s) => sessionView(s, ctx.now));
  },
});
