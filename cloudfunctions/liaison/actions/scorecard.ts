import { defineAction } from '../../shared/action';
import { monthlyTotals } from '../../shared/data/liaisonRecords';
import { quotaAndAnswered } from '../../shared/data/liaisonScorecard';
import { memberOutcomesBetween } from '../../shared/data/shifts';
import { periodAsked } from '../domain/chosen';
import { progressOf, quarterOfMonth } from '../domain/period';
import { assessmentOf } from '../domain/assessment';

type TopicMonth = { kind: 'meeting' | 'research'; month: number };
/** The quarter's and the year-so-far's count of one kind of topic participation. */
const topicCount = (rows: TopicMonth[], kind: TopicMonth['kind'], quarter: number) => {
  const mine = rows.filter((r) => r.kind === kind && quarterOfMonth(r.month) <= quarter);
  return { quarter: mine.filter((r) => quarterOfMonth(r.month) === quarter).length, year: mine.length };
};

/**
 * 成绩单: the quarter and the year so far against the quotas, summed by the database per China
 * month (never by reading the records), with the quarter's duty shifts and the concerns answered
 * beside them. 4 round trips: the caller, the quota with the answered concerns, the records' sums,
 * the duty outcomes.
 */
export default defineAction({
  name: 'liaison.scorecard',
  roles: ['member'],
  mutates: false,
  async handler(input, ctx) {
    const user = await ctx.user();
    const { period, quarter, year, current } = periodAsked(input, ctx.now);
    const [{ quota, answeredMonths, results, topicMonths }, months, duty] = await Promise.all([
      quotaAndAnswered(user, year.start, year.end, period.year),
      monthlyTotals(user._id, year.start, year.end),
      memberOutcomesBetween(user._id, quarter.start, quarter.end),
    ]);
    const quarters = [1, 2, 3, 4].map((q) => {
      const inQ = months.filter((m) => quarterOfMonth(m._id) === q);
      return {
        quarter: q,
        activities: inQ.reduce((n, m) => n + m.activities, 0),
        personTimes: inQ.reduce((n, m) => n + m.personTimes, 0),
        concernsAnswered: answeredMonths.filter((m) => quarterOfMonth(m) === q).length,
      };
    });
    const chosen = quarters[period.quarter - 1];
    const soFar = quarters.slice(0, period.quarter);
    const progress = progressOf(
      {
        quarterActivities: chosen.activities,
        quarterPersonTimes: chosen.personTimes,
        yearActivities: soFar.reduce((n, q) => n + q.activities, 0),
        yearPersonTimes: soFar.reduce((n, q) => n + q.personTimes, 0),
      },
      quota,
      period.quarter,
    );
    return {
      ...period,
      quota,
      progress,
      quarters,
      duty: {
        attended: (duty.on_time ?? 0) + (duty.late ?? 0),
        late: duty.late ?? 0,
        absent: duty.absent ?? 0,
        leave: duty.leave ?? 0,
      },
      concernsAnswered: {
        quarter: chosen.concernsAnswered,
        year: soFar.reduce((n, q) => n + q.concernsAnswered, 0),
      },
      // 协商议题: meetings signed in to (on time or late) and research tasks done.
      topics: {
        meetings: topicCount(topicMonths, 'meeting', period.quarter),
        research: topicCount(topicMonths, 'research', period.quarter),
      },
      current,
      assessment: assessmentOf(results, user.unitPath, period.quarter),
    };
  },
});
