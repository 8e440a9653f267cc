import type { OnDutyPerson, Shift } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { stationShiftsStarting } from '../../shared/data/shifts';
import { iso } from '../../shared/time';
import { chinaDay, chinaWeek } from '../domain/times';

/** Who is on duty at a station today and this week: public, names and sectors only. */
export default defineAction({
  name: 'duty.stationDuty',
  roles: ['citizen'],
  mutates: false,
  async handler({ workstationId }, ctx) {
    const week = chinaWeek(ctx.now);
    const today = chinaDay(ctx.now);
    const shifts = await stationShiftsStarting(workstationId, week.from, week.to);
    const people = shifts.flatMap(onDuty);
    return { today: people.filter((p) => p.date === today.date), week: people, todayDate: today.date };
  },
});

function onDuty(s: Shift): OnDutyPerson[] {
  return s.members
    .filter((m) => m.outcome !== 'leave')
    .map((m) => ({
      name: m.name,
      sectorName: m.sectorName,
      avatar: m.avatar,
      start: iso(s.start),
      end: iso(s.end),
      date: s.date,
      signedIn: !!m.signedInAt,
    }));
}
