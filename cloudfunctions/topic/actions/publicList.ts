import { defineAction } from '../../shared/action';
import { publishedAtStation } from '../../shared/data/topics';
import { iso } from '../../shared/time';

/** The published topics of a workstation, for its page: one read. */
export default defineAction({
  name: 'topic.publicList',
  roles: ['citizen'],
  mutates: false,
  async handler({ workstationId }) {
    const topics = await publishedAtStation(workstationId);
    return {
      items: topics.map((t) => ({
        _id: t._id,
        title: t.title,
        step: t.step,
        closed: !!t.closedAt,
        publishedAt: iso(t.publishedAt),
      })),
    };
  },
});
