import { DUTY_OUTCOMES, type BoardRow, type DutyOutcome } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { outcomeCounts, pageStationDays, type StationDay } from '../../shared/data/shifts';
import { iso } from '../../shared/time';
import { chinaDay } from '../domain/times';

/** Today's duty across the caller's stations: who signed in, late, not yet, absent, on leave. */
export default defineAction({
  name: 'duty.board',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ date, page, pageSize }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const day = date ?? chinaDay(ctx.now).date;
    const [counted, { items, total }] = await Promise.all([
      outcomeCounts(unitId, day),
      pageStationDays(unitId, day, page, pageSize),
    ]);
    const counts = Object.fromEntries(DUTY_OUTCOMES.map((o) => [o, counted[o] ?? 0])) as Record<DutyOutcome, number>;
    return { items: items.map(toRow), total, page, pageSize, date: day, counts };
  },
});

function toRow(d: StationDay): BoardRow {
  return {
    workstationId: d._id,
    workstationName: d.workstationName,
    shifts: d.shifts,
    covered: d.covered,
    receptions: d.receptions,
    concerns: d.concerns,
    people: d.people.flatMap((members, i) =>
      members.map((m) => ({ name: m.name, outcome: m.outcome, start: iso(d.starts[i]), end: iso(d.ends[i]) })),
    ),
  };
}
