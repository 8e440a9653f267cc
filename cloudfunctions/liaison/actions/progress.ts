import type { ActionInput, User } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { totalsByMember } from '../../shared/data/liaisonRecords';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { listUsersInSubtree } from '../../shared/data/users';
import { periodAsked } from '../domain/chosen';
import { progressOf } from '../domain/period';

type Sort = NonNullable<ActionInput<'liaison.progress'>['sort']>;
type Sortable = Record<'name' | 'sectorName', string> &
  Record<'quarterActivities' | 'quarterPersonTimes' | 'yearPersonTimes', number> & { behind: boolean };

/** A row order by one column, either way; ties keep the behind-first order (the sort is stable). */
function byColumn(sort: Sort) {
  const field = sort.replace(/^-/, '') as keyof Sortable;
  const sign = sort.startsWith('-') ? -1 : 1;
  return (a: Sortable, b: Sortable) => {
    const x = a[field];
    const y = b[field];
    return sign * (typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : Number(x) - Number(y));
  };
}

/**
 * The most members one answer weighs (a county has a few hundred; a whole city's can pass it).
 * LXQ_PROGRESS_MAX_MEMBERS lowers it so a test can reach it without seeding thousands.
 */
const maxMembers = () => Number(process.env.LXQ_PROGRESS_MAX_MEMBERS) || 5000;

/**
 * Every member of the staff's subtree against the quarter's quota, the ones behind first: the
 * same aggregate as the export's quota sheet, for the console's "谁没达标" view.
 */
export default defineAction({
  name: 'liaison.progress',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, behind, q, sort, ...input }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const { period, quarter, year } = periodAsked(input, ctx.now);
    const cap = maxMembers();
    const members: User[] = [];
    // One past the cap is read so the answer can say the list stopped short rather than pass for all.
    for (let size = Math.min(1000, cap + 1); size > 0; size = Math.min(1000, cap + 1 - members.length)) {
      const chunk = await listUsersInSubtree(unitId, { roles: 'member' }, members.length, size);
      members.push(...chunk);
      if (chunk.length < size) break;
    }
    const capped = members.length > cap;
    members.length = Math.min(members.length, cap);
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
    // Every member is weighed here, so a column's order is over all of them, before the page is cut.
    if (sort) rows.sort(byColumn(sort));
    return {
      ...period,
      quota,
      behindCount: rows.filter((r) => r.behind).length,
      capped,
      cap,
      items: rows.slice((page - 1) * pageSize, page * pageSize),
      total: rows.length,
      page,
      pageSize,
    };
  },
});
