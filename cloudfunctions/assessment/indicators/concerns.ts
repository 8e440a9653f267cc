import { $, _, db } from '../../shared/cloud';
import { keyed, type IndicatorSource, type SourceQuery } from './types';

/**
 * On time as the concern counters count it (shared/concerns/counters.ts): the first reply no
 * later than the deadline that was running — the accept deadline for a rejection, else the reply
 * deadline; no deadline counts as on time.
 */
const due = $.cond({ if: $.eq(['$status', 'rejected']), then: '$acceptDueAt', else: '$replyDueAt' });
const onTime = $.cond({
  if: $.or([$.eq([$.ifNull([due, null]), null]), $.lte(['$firstRepliedAt', due])]),
  then: 1,
  else: 0,
});
const rated = $.cond({ if: $.gt([$.ifNull(['$rating.score', 0]), 0]), then: 1, else: 0 });

interface AnsweredRow {
  _id: string;
  answered: number;
  onTime: number;
  ratingSum: number;
  ratingCount: number;
}

/** Concerns first answered in the period (concerns.unit_path_replied), grouped by `by`. */
const answered = async (q: SourceQuery, by: string, extra: object = {}) =>
  (
    await db
      .collection('concerns')
      .aggregate()
      .match({ unitPath: q.unitId, firstRepliedAt: _.gte(q.start).and(_.lt(q.end)), ...extra })
      .group({
        _id: by,
        answered: $.sum(1),
        onTime: $.sum(onTime),
        ratingSum: $.sum($.ifNull(['$rating.score', 0])),
        ratingCount: $.sum(rated),
      })
      .limit(10000)
      .end()
  ).list as AnsweredRow[];

/** The average of the ratings given, to two places; 0 when none was given. */
const average = (r: AnsweredRow) => (r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 100) / 100 : 0);

/**
 * 诉求: per member, the concerns assigned to them first answered in the period, on time, and the
 * average rating of those; per workstation also the concerns collected (submitted) in it.
 */
export const CONCERN_SOURCE: IndicatorSource = {
  name: 'concern',
  member: {
    indicators: [
      { key: 'concern.answered', label: '答复诉求', unit: '件', defaultWeight: 2, hint: '分派给委员、期间首次答复' },
      { key: 'concern.onTime', label: '按时答复', unit: '件', defaultWeight: 1, hint: '首次答复不晚于时限' },
      { key: 'concern.rating', label: '平均评价', unit: '分', defaultWeight: 1, hint: '群众评价的平均分（1–5）' },
    ],
    async perMember(q) {
      const rows = await answered(q, '$assignee.id', { 'assignee.kind': 'member', 'assignee.id': _.in(q.memberIds) });
      return new Map(
        rows.map((r) => [
          r._id,
          { figures: { 'concern.answered': r.answered, 'concern.onTime': r.onTime, 'concern.rating': average(r) } },
        ]),
      );
    },
  },
  station: {
    indicators: [
      { key: 'concern.collected', label: '收集诉求', unit: '件', defaultWeight: 1, hint: '期间提交到本站的诉求' },
      { key: 'concern.answered', label: '答复诉求', unit: '件', defaultWeight: 1, hint: '期间首次答复' },
      { key: 'concern.onTime', label: '按时答复', unit: '件', defaultWeight: 1, hint: '首次答复不晚于时限' },
      { key: 'concern.rating', label: '平均评价', unit: '分', defaultWeight: 2, hint: '群众评价的平均分（1–5）' },
    ],
    async perStation(q) {
      const [rows, { list }] = await Promise.all([
        answered(q, '$workstationId'),
        db
          .collection('concerns')
          .aggregate()
          .match({ unitPath: q.unitId, createdAt: _.gte(q.start).and(_.lt(q.end)) })
          .group({ _id: '$workstationId', collected: $.sum(1) })
          .limit(10000)
          .end(),
      ]);
      const out = keyed(rows, (r) => ({
        'concern.answered': r.answered,
        'concern.onTime': r.onTime,
        'concern.rating': average(r),
      }));
      for (const c of list as { _id: string | null; collected: number }[]) {
        if (c._id) out.set(c._id, { ...out.get(c._id), 'concern.collected': c.collected });
      }
      return out;
    },
  },
};
