/**
 * 参与人次 for a unit subtree and period, counted by the database in one aggregate: per topic of the
 * subtree raised in the period (topics.unit_created, as every other figure), the people who signed
 * in to its meeting (on time or late), closed a research task on it (topic_participation.topic_kind,
 * through the lookup), are responsible for it or recorded one of its steps — each once per topic
 * (TOPIC_PARTICIPATION_RULE).
 */
import { $, _, db } from '../../shared/cloud';

/** The sign-ins and the tasks done among a topic's participation rows; invitations and open tasks are not. */
const countedPart = $.or([$.in(['$$p.outcome', ['on_time', 'late']]), $.eq(['$$p.status', 'done'])]);

export async function participationsOf(unitId: string, start: Date, end: Date): Promise<number> {
  const { list } = (await db
    .collection('topics')
    .aggregate()
    .match({ unitPath: unitId, createdAt: _.gte(start).and(_.lt(end)) })
    .lookup({ from: 'topic_participation', localField: '_id', foreignField: 'topicId', as: 'parts' })
    .project({
      people: $.setUnion([
        $.ifNull(['$responsible.userId', []]),
        $.ifNull(['$records.by', []]),
        $.map({ input: $.filter({ input: '$parts', as: 'p', cond: countedPart }), as: 'p', in: '$$p.userId' }),
      ]),
    })
    .group({ _id: null, participations: $.sum($.size('$people')) })
    .end()) as { list: { participations: number }[] };
  return list[0]?.participations ?? 0;
}
