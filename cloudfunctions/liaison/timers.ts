/**
 * The liaison function's timer job (config.json triggers, UTC+8 cron): in the last 15 days of a
 * China quarter, each member still behind quota is reminded once — in the inbox, and by a
 * subscribe message when they have one left. The notification id is the quarter and the member,
 * so however often the timer fires (daily, or retried by the platform) nobody is told twice.
 */
import type { User } from '@lxq/types';
import { totalsByMember } from '../shared/data/liaisonRecords';
import { nearestQuota, quotaDocs } from '../shared/data/liaisonQuotas';
import { listRootUnits } from '../shared/data/units';
import { listUsersInSubtree } from '../shared/data/users';
import { notify } from '../shared/notify';
import { periodOf, progressOf, quarterSpan, yearSpan } from './domain/period';
import { behindReminder } from './domain/reminder';

export const QUARTER_END_DAYS = 15;
const DAY = 86_400_000;
const BATCH = 1000;

/** The China days left in `now`'s quarter (15 on the 17th of December, 1 on the 31st). */
export function daysLeftInQuarter(now: Date): number {
  return Math.ceil((quarterSpan(periodOf(now)).end.getTime() - now.getTime()) / DAY);
}

export async function quarterEndReminder(now: Date) {
  const period = periodOf(now);
  const daysLeft = daysLeftInQuarter(now);
  if (daysLeft > QUARTER_END_DAYS) return { ...period, daysLeft, behind: 0, reminded: 0 };
  const quarter = quarterSpan(period);
  const year = yearSpan(period.year);
  let behind = 0;
  let reminded = 0;
  for (const root of await listRootUnits()) {
    const members: User[] = [];
    for (let skip = 0; ; skip += BATCH) {
      const page = await listUsersInSubtree(root._id, { roles: 'member' }, skip, BATCH);
      members.push(...page);
      if (page.length < BATCH) break;
    }
    if (!members.length) continue;
    const [totals, quotas] = await Promise.all([
      totalsByMember({ unitId: root._id }, year.start, quarter.start, quarter.end),
      quotaDocs(members.flatMap((m) => m.unitPath)),
    ]);
    const byMember = new Map(totals.map((t) => [t._id, t]));
    const due = members.flatMap((m) => {
      const t = byMember.get(m._id);
      const progress = progressOf(
        {
          quarterActivities: t?.quarterActivities ?? 0,
          quarterPersonTimes: t?.quarterPersonTimes ?? 0,
          yearActivities: t?.yearActivities ?? 0,
          yearPersonTimes: t?.yearPersonTimes ?? 0,
        },
        nearestQuota(m.unitPath, quotas).quota,
        period.quarter,
      );
      return progress.shortfalls.length && m.openid ? [{ m, shortfalls: progress.shortfalls }] : [];
    });
    behind += due.length;
    for (let i = 0; i < due.length; i += 20) {
      const sent = await Promise.all(
        due.slice(i, i + 20).map(({ m, shortfalls }) =>
          notify(
            behindReminder(
              `liaison-quarter-${period.year}q${period.quarter}-${m._id}`,
              { openid: m.openid!, shortfalls },
              period,
              `本季度还剩 ${daysLeft} 天`,
              now,
            ),
            now,
          ).then(
            // 'skipped' here means delivered before: the inbox item already exists.
            (outcome) => outcome !== 'skipped',
            (err) => (console.error('[quarterEndReminder]', err), false),
          ),
        ),
      );
      reminded += sent.filter(Boolean).length;
    }
  }
  return { ...period, daysLeft, behind, reminded };
}
