import type { LiaisonProgress } from '@lxq/types';
import { $, _, db } from '../../shared/cloud';
import { frozenQuarters } from '../../shared/data/assessmentSnapshots';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { periodOf, progressOf, quarterSpan } from '../../liaison/domain/period';
import { progressOfMembers } from '../../liaison/domain/progress';
import type { IndicatorSource, SourceQuery } from './types';

interface Carried {
  _id: string;
  activities: number;
  personTimes: number;
  lastYearActivities: number;
  lastYearPersonTimes: number;
}

/**
 * Records dated in a quarter already frozen but entered after its freeze (inside this quarter):
 * the snapshot no longer moves, so they count in the quarter they were entered. One aggregate
 * over the frozen quarters' dates (liaison_records.unit_path_date).
 */
async function carriedInto(q: SourceQuery): Promise<Map<string, Carried>> {
  const frozen = (await frozenQuarters(q.unitId, [q.year - 1, q.year]))
    .map((s) => ({ ...quarterSpan(s), frozenAt: new Date(s.frozenAt), year: s.year }))
    .filter((s) => s.end <= q.start && s.frozenAt < q.end);
  if (!frozen.length) return new Map();
  const late = $.or(
    frozen.map((s) => $.and([$.gte(['$date', s.start]), $.lt(['$date', s.end]), $.gt(['$createdAt', s.frozenAt])])),
  );
  const lastYear = $.lt(['$date', new Date(Date.UTC(q.year, 0, 1) - 8 * 3_600_000)]);
  const count = (what: unknown, only?: unknown) =>
    $.sum($.cond({ if: only ? $.and([late, only]) : late, then: what, else: 0 }));
  const { list } = await db
    .collection('liaison_records')
    .aggregate()
    .match({
      unitPath: q.unitId,
      date: _.gte(new Date(Math.min(...frozen.map((s) => s.start.getTime())))).and(_.lt(q.start)),
      createdAt: _.gte(q.start).and(_.lt(q.end)),
      memberId: _.in(q.memberIds),
    })
    .group({
      _id: '$memberId',
      activities: count(1),
      personTimes: count('$personTimes'),
      lastYearActivities: count(1, lastYear),
      lastYearPersonTimes: count('$personTimes', lastYear),
    })
    .limit(10000)
    .end();
  return new Map((list as Carried[]).map((c) => [c._id, c]));
}

/**
 * 联系群众: the liaison domain's own progress (one aggregate of the records, the quota and its
 * shortfalls as the 成绩单 and 谁没达标 count them), not a second count; plus the late records
 * carried into a quarter from a frozen one. For a whole year, the year's totals, with the
 * person-times quota due by the quarter the year has reached.
 */
export const LIAISON_SOURCE: IndicatorSource = {
  name: 'liaison',
  member: {
    indicators: [
      { key: 'liaison.activities', label: '联系活动', unit: '次', defaultWeight: 2, hint: '委员登记的联系群众活动' },
      { key: 'liaison.personTimes', label: '联系人次', unit: '人次', defaultWeight: 0.1, hint: '活动联系的群众人次' },
    ],
    async perMember(q) {
      const now = periodOf(q.now);
      const quarter = q.quarter ?? (q.year === now.year ? now.quarter : 4);
      const [{ quota }, progress, carried] = await Promise.all([
        quotaFor(q.unitPath),
        // The chunk's members only: a province's subtree-wide aggregate would pass its group limit.
        progressOfMembers({ memberIds: q.memberIds }, { year: q.year, quarter }),
        q.quarter === null ? new Map<string, Carried>() : carriedInto(q),
      ]);
      return new Map(
        q.memberIds.map((id) => {
          let p: LiaisonProgress = progress(id, quota);
          const c = carried.get(id);
          if (c) {
            p = progressOf(
              {
                quarterActivities: p.quarterActivities + c.activities,
                quarterPersonTimes: p.quarterPersonTimes + c.personTimes,
                yearActivities: p.yearActivities + c.lastYearActivities,
                yearPersonTimes: p.yearPersonTimes + c.lastYearPersonTimes,
              },
              quota,
              quarter,
            );
          }
          const figures =
            q.quarter === null
              ? { 'liaison.activities': p.yearActivities, 'liaison.personTimes': p.yearPersonTimes }
              : { 'liaison.activities': p.quarterActivities, 'liaison.personTimes': p.quarterPersonTimes };
          return [id, { figures, shortfalls: p.shortfalls }];
        }),
      );
    },
  },
};
