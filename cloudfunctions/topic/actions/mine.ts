import type { MeetingParticipation, ResearchParticipation } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { participationOfUser } from '../../shared/data/topicParticipation';
import { iso } from '../../shared/time';
import { outcomeOf, signInOpen, taskRow } from '../domain/participation';

/**
 * The member's consultation meetings (sign-in open or not, how they signed in) and research tasks
 * (open first), for their home. 2 round trips: the member and their rows.
 */
export default defineAction({
  name: 'topic.mine',
  roles: ['member'],
  mutates: false,
  async handler(_input, ctx) {
    const me = await ctx.user();
    const rows = await participationOfUser(me._id);
    const meetings = rows
      .filter((r): r is MeetingParticipation => r.kind === 'meeting')
      .map((r) => ({
        topicId: r.topicId,
        title: r.topicTitle,
        at: iso(r.at),
        place: r.place,
        closesAt: iso(r.closesAt),
        outcome: outcomeOf(r, ctx.now),
        signedInAt: iso(r.signedInAt),
        open: signInOpen(r, ctx.now),
      }));
    const tasks = rows
      .filter((r): r is ResearchParticipation => r.kind === 'research')
      .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1))
      .map((r) => {
        const { userId: _u, name: _n, ...row } = taskRow(r, ctx.now);
        void _u;
        void _n;
        return { ...row, topicId: r.topicId, title: r.topicTitle };
      });
    return { meetings, tasks };
  },
});
