import { DUTY_OUTCOMES, type BoardRow, type DutyOutcome } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { receptionCountsByStation } from '../../shared/data/receptions';
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
    const received = await receptionCountsByStation(
      unitId,
      day,
      items.map((d) => d._id),
    );
    const counts = Object.fromEntries(DUTY_OUTCOMES.map((o) => [o, counted[o] ?? 0])) as Record<DutyOutcome, number>;
    const rows = items.map((d) => toRow(d, received.get(d._id) ?? { receptions: 0, concerns: 0 }));
    return { items: rows, total, page, pageSize, date: day, counts };
  },
});

function toRow(d: StationDay, received: { receptions: number; concerns: number }): BoardRow {
  return {
    workstationId: d._id,
    workstationName: d.workstationName,
    shifts: d.shifts,
    covered: d.covered,
    ...received,
    people: d.people.flatMap((members, i) =>
      members.map((m) => ({ name: m.name, outcome: m.outcome, start: iso(d.starts[i]), end: iso(d.ends[i]) })),
    ),
  };
}
