import type { LiaisonPeriod, LiaisonProgress, LiaisonQuota } from '@lxq/types';
import { totalsByMember } from '../../shared/data/liaisonRecords';
import { progressOf, quarterSpan, yearSpan } from './period';

/** Whose records to count: the listed members, or every member of a unit subtree. */
export type ProgressScope = { memberIds: string[] } | { unitId: string };

/**
 * Every member's progress for a period from one aggregate of their records (the 成绩单 lists,
 * the export's quota sheet, the quarter-end reminder): a member with no records counts zero.
 * Answers a look-up by member and the quota that applies to them.
 */
export async function progressOfMembers(scope: ProgressScope, period: LiaisonPeriod) {
  const none = 'memberIds' in scope && !scope.memberIds.length;
  const quarter = quarterSpan(period);
  const totals = none ? [] : await totalsByMember(scope, yearSpan(period.year).start, quarter.start, quarter.end);
  const byMember = new Map(totals.map((t) => [t._id, t]));
  return (memberId: string, quota: LiaisonQuota): LiaisonProgress => {
    const t = byMember.get(memberId);
    const counted = {
      quarterActivities: t?.quarterActivities ?? 0,
      quarterPersonTimes: t?.quarterPersonTimes ?? 0,
      yearActivities: t?.yearActivities ?? 0,
      yearPersonTimes: t?.yearPersonTimes ?? 0,
    };
    return progressOf(counted, quota, period.quarter);
  };
}
