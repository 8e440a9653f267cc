import { defineAction } from '../../shared/action';
import { openCallsOfUnit } from '../../shared/data/topicCalls';
import { publishedAtStation } from '../../shared/data/topics';
import { getWorkstation } from '../../shared/data/workstations';
import { iso } from '../../shared/time';
import { callView } from '../domain/calls';

/** The station's published topics and its unit's open calls for topics, for its page: 3 reads. */
export default defineAction({
  name: 'topic.publicList',
  roles: ['citizen'],
  mutates: false,
  async handler({ workstationId }, ctx) {
    const [station, topics] = await Promise.all([
      getWorkstation({ id: workstationId }),
      publishedAtStation(workstationId),
    ]);
    const calls = await openCallsOfUnit(station.unitId, ctx.now);
    return {
      items: topics.map((t) => ({
        _id: t._id,
        title: t.title,
        step: t.step,
        closed: !!t.closedAt,
        publishedAt: iso(t.publishedAt),
      })),
      calls: calls.map((c) => callView(c, ctx.now)),
    };
  },
});
