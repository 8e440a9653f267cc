import { defineAction } from '../../shared/action';
import { invalid } from '../../shared/errors';
import { loadCalendar } from '../../shared/data/calendarYears';
import { insertShifts } from '../../shared/data/shifts';
import { getWorkstation } from '../../shared/data/workstations';
import { newShift, refuseConflicts, rosterDays, rosterPeople } from '../domain/roster';
import { stationUnit } from '../domain/scope';

/** At most this many shifts in one rotation: a quarter of a busy station. */
const MAX_SHIFTS = 300;

export default defineAction({
  name: 'duty.planRotation',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: stationUnit,
  async handler(input, ctx) {
    if (input.to < input.from) throw invalid({ to: '结束日期不能早于开始日期' });
    const station = await getWorkstation({ id: input.workstationId });
    const people = await rosterPeople(station, [...new Set(input.slots.flatMap((s) => s.memberIds))]);
    const { days, skippedHolidays, makeUpDays } = rosterDays(input.from, input.to, input.slots, await loadCalendar());
    if (!days.length) throw invalid({ slots: '所选日期范围内没有需要排班的日子' });
    if (days.length > MAX_SHIFTS) throw invalid({ to: `一次最多排 ${MAX_SHIFTS} 个班次，请缩短日期范围` });
    const by = (await ctx.user())._id;
    const shifts = days.map((d, i) => newShift(ctx.newId(`shift-${i}`), station, d, people, by, ctx.now));
    await refuseConflicts(shifts);
    await insertShifts(shifts);
    ctx.audit(`workstations/${station._id}/rotation`, null, {
      from: input.from,
      to: input.to,
      shiftIds: shifts.map((s) => s._id),
    });
    return { created: shifts.length, skippedHolidays, makeUpDays };
  },
});
