/**
 * The liaison function's timer job (config.json triggers, UTC+8 cron): in the last 15 days of a
 * China quarter, each member still behind quota is reminded once — in the inbox, and by a
 * subscribe message when they have one left. The notification id is the quarter and the member,
 * so however often the timer fires (daily, or retried by the platform) nobody is told twice.
 */
import type { User } from '@lxq/types';
import { nearestQuota, quotaDocs } from '../shared/data/liaisonQuotas';
import { listRootUnits } from '../shared/data/units';
import { listUsersInSubtree } from '../shared/data/users';
import { notify } from '../shared/notify';
import { periodOf, quarterSpan } from './domain/period';
import { progressOfMembers } from './domain/progress';
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
    const [progressOf, quotas] = await Promise.all([
      progressOfMembers({ unitId: root._id }, period),
      quotaDocs(members.flatMap((m) => m.unitPath)),
    ]);
    const due = members.flatMap((m) => {
      const progress = progressOf(m._id, nearestQuota(m.unitPath, quotas).quota);
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
