import type { User } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { totalsByMember } from '../../shared/data/liaisonRecords';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { listUsersInSubtree } from '../../shared/data/users';
import { periodAsked } from '../domain/chosen';
import { progressOf } from '../domain/period';

/** The most members one answer weighs (a county has a few hundred). */
const MAX_MEMBERS = 5000;

/**
 * Every member of the staff's subtree against the quarter's quota, the ones behind first: the
 * same aggregate as the export's quota sheet, for the console's "谁没达标" view.
 */
export default defineAction({
  name: 'liaison.progress',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, behind, q, ...input }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const { period, quarter, year } = periodAsked(input, ctx.now);
    const members: User[] = [];
    for (let skip = 0; skip < MAX_MEMBERS; skip += 1000) {
      const chunk = await listUsersInSubtree(unitId, { roles: 'member' }, skip, 1000);
      members.push(...chunk);
      if (chunk.length < 1000) break;
    }
    const unit = await getUnit(unitId);
    const [{ quota }, totals, sectors] = await Promise.all([
      quotaFor(unit.path),
      totalsByMember({ unitId }, year.start, quarter.start, quarter.end),
      getSectorsByIds(members.map((m) => m.sectorId ?? '')),
    ]);
    const byMember = new Map(totals.map((t) => [t._id, t]));
    const rows = members
      .map((m) => {
        const t = byMember.get(m._id);
        const p = progressOf(
          {
            quarterActivities: t?.quarterActivities ?? 0,
            quarterPersonTimes: t?.quarterPersonTimes ?? 0,
            yearActivities: t?.yearActivities ?? 0,
            yearPersonTimes: t?.yearPersonTimes ?? 0,
          },
          quota,
          period.quarter,
        );
        const sectorName = (m.sectorId && sectors.get(m.sectorId)?.name) || '';
        return { userId: m._id, name: m.name, sectorName, behind: p.shortfalls.length > 0, ...p };
      })
      .filter((r) => (behind ? r.behind : true) && (!q || r.name.includes(q) || r.sectorName.includes(q)))
      .sort((a, b) => Number(b.behind) - Number(a.behind) || a.quarterActivities - b.quarterActivities);
    return {
      ...period,
      quota,
      behindCount: rows.filter((r) => r.behind).length,
      items: rows.slice((page - 1) * pageSize, page * pageSize),
      total: rows.length,
      page,
      pageSize,
    };
  },
});
