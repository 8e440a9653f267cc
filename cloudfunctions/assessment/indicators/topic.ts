import { TOPIC_STEPS, stepIndex, type TopicForm } from '@lxq/types';
import { $, _, db } from '../../shared/cloud';
import { keyed, type IndicatorSource, type SourceQuery } from './types';

/** Steps after 协商议事: the meeting was held (topic.figures counts consultations the same way). */
const HELD = TOPIC_STEPS.filter((s) => stepIndex(s) > stepIndex('meeting'));
/** The forms a station holds as 小微协商 (the courtyard kind is the same small consultation, held in a 小院). */
export const SMALL_FORMS: TopicForm[] = ['micro', 'courtyard'];

/** Topics of the subtree raised in the period (topics.unit_created, as topic.figures reads them). */
const topicsOf = (q: SourceQuery, extra: object = {}) =>
  db
    .collection('topics')
    .aggregate()
    .match({ unitPath: q.unitId, createdAt: _.gte(q.start).and(_.lt(q.end)), ...extra });

/**
 * 协商议题: per member, the topics they took part in — among those responsible or having recorded
 * a step, once per topic, like topic.figures' participations; per workstation, the 小微协商 held
 * there (topics of a small form past 协商议事), and apart from them every consultation held there,
 * whatever its form (界别协商, 对口协商 …).
 */
export const TOPIC_SOURCE: IndicatorSource = {
  name: 'topic',
  member: {
    indicators: [
      {
        key: 'topic.participated',
        label: '参与协商',
        unit: '次',
        defaultWeight: 2,
        hint: '期间立项的协商议题中任负责人或记录过议事步骤（参会、调研另计）',
      },
    ],
    async perMember(q) {
      const { list } = (await topicsOf(q)
        .project({
          people: $.setUnion([$.ifNull(['$responsible.userId', []]), $.ifNull(['$records.by', []])]),
        })
        .unwind('$people')
        .match({ people: _.in(q.memberIds) })
        .group({ _id: '$people', topics: $.sum(1) })
        .limit(10000)
        .end()) as { list: { _id: string; topics: number }[] };
      return new Map(list.map((r) => [r._id, { figures: { 'topic.participated': r.topics } }]));
    },
  },
  station: {
    indicators: [
      {
        key: 'topic.held',
        label: '小微协商',
        unit: '次',
        defaultWeight: 3,
        hint: '期间立项、已召开协商会的本站小微协商与小院议事',
      },
      {
        key: 'topic.heldAll',
        label: '协商议事',
        unit: '次',
        defaultWeight: 1,
        hint: '期间立项、已召开协商会的本站议题，各种协商形式都算',
      },
    ],
    async perStation(q) {
      const { list } = (await topicsOf(q, { step: _.in(HELD) })
        .unwind('$workstationIds')
        .group({
          _id: '$workstationIds',
          small: $.sum($.cond({ if: $.in(['$form', SMALL_FORMS]), then: 1, else: 0 })),
          all: $.sum(1),
        })
        .limit(10000)
        .end()) as { list: { _id: string; small: number; all: number }[] };
      return keyed(list, (r) => ({ 'topic.held': r.small, 'topic.heldAll': r.all }));
    },
  },
};
