import { $, _, db } from '../../shared/cloud';
import { keyed, type IndicatorSource, type SourceQuery } from './types';

/** The subtree's topics opened in the period (topics.unit_created), one row per `field` value. */
const opened = async (q: SourceQuery, field: string, by: string) =>
  (
    await db
      .collection('topics')
      .aggregate()
      .match({ unitPath: q.unitId, createdAt: _.gte(q.start).and(_.lt(q.end)) })
      .unwind(field)
      .group({ _id: by, n: $.sum(1) })
      .limit(10000)
      .end()
  ).list as { _id: string; n: number }[];

/**
 * 协商议题: per member, the topics opened in the period they are responsible for; per workstation,
 * the topics opened in the period that name it (小微协商 and the other forms held there).
 */
export const TOPIC_SOURCE: IndicatorSource = {
  name: 'topic',
  member: {
    indicators: [
      { key: 'topic.joined', label: '参与协商', unit: '次', defaultWeight: 2, hint: '期间立项、由委员负责的协商议题' },
    ],
    async perMember(q) {
      const rows = await opened(q, '$responsible', '$responsible.userId');
      return new Map(rows.map((r) => [r._id, { figures: { 'topic.joined': r.n } }]));
    },
  },
  station: {
    indicators: [
      { key: 'topic.held', label: '开展协商', unit: '次', defaultWeight: 2, hint: '期间立项、在本站开展的协商议题' },
    ],
    async perStation(q) {
      return keyed(await opened(q, '$workstationIds', '$workstationIds'), (r) => ({ 'topic.held': r.n }));
    },
  },
};
