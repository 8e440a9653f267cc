import { defineAction } from '../../shared/action';
import { listCommitteesOfUnits } from '../../shared/data/committees';
import { sessionsFor } from '../../shared/data/proposals';
import { getSectorsByIds } from '../../shared/data/sectors';
import { sessionView } from '../domain/sessions';

/**
 * The draft form's choices: the sessions, the sector the member convenes (a sector proposal is
 * submitted by its convener), and the committees they sit on. 4 round trips, the reads at once.
 */
export default defineAction({
  name: 'proposal.formOptions',
  roles: ['member'],
  mutates: false,
  async handler(_input, ctx) {
    const user = await ctx.user();
    const [sessions, sectors, committees] = await Promise.all([
      sessionsFor(user.unitPath),
      getSectorsByIds(user.sectorId ? [user.sectorId] : []),
      user.committeeIds?.length ? listCommitteesOfUnits([user.unitId]) : Promise.resolve([]),
    ]);
    return {
      sessions: sessions.map((s) => sessionView(s, ctx.now)),
      sectors: [...sectors.values()]
        .filter((s) => s.convenerId === user._id)
        .map((s) => ({ _id: s._id, name: s.name })),
      committees: committees
        .filter((c) => user.committeeIds?.includes(c._id))
        .map((c) => ({ _id: c._id, name: c.name })),
    };
  },
});
