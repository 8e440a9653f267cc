import { quotaFor } from '../../shared/data/liaisonQuotas';
import { periodOf } from '../../liaison/domain/period';
import { progressOfMembers } from '../../liaison/domain/progress';
import type { IndicatorSource } from './types';

/**
 * 联系群众: the liaison domain's own progress (one aggregate of the records, the quota and its
 * shortfalls as the 成绩单 and 谁没达标 count them), not a second count. For a whole year, the
 * year's totals, with the person-times quota due by the quarter the year has reached.
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
      const [{ quota }, progress] = await Promise.all([
        quotaFor(q.unitPath),
        progressOfMembers({ unitId: q.unitId }, { year: q.year, quarter }),
      ]);
      return new Map(
        q.memberIds.map((id) => {
          const p = progress(id, quota);
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
