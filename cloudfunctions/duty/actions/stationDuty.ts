import type { OnDutyPerson, Shift } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { stationShiftsStarting } from '../../shared/data/shifts';
import { getUsersByIds } from '../../shared/data/users';
import { iso } from '../../shared/time';
import { chinaDay, chinaWeek } from '../domain/times';

/**
 * Who is on duty at a station today and this week: public, names and sectors only, and only people
 * who are members now — someone whose term ended (换届) or whose access was revoked leaves the
 * public page that day, even where a shift rostered before still names them.
 */
export default defineAction({
  name: 'duty.stationDuty',
  roles: ['citizen'],
  mutates: false,
  async handler({ workstationId }, ctx) {
    const week = chinaWeek(ctx.now);
    const today = chinaDay(ctx.now);
    const shifts = await stationShiftsStarting(workstationId, week.from, week.to);
    const named = [...new Set(shifts.flatMap((s) => s.members.map((m) => m.userId)))];
    const current = new Set((await getUsersByIds(named)).filter((u) => u.roles.includes('member')).map((u) => u._id));
    const people = shifts.flatMap((s) => onDuty(s, current));
    return { today: people.filter((p) => p.date === today.date), week: people, todayDate: today.date };
  },
});

function onDuty(s: Shift, current: Set<string>): OnDutyPerson[] {
  return s.members
    .filter((m) => m.outcome !== 'leave' && current.has(m.userId))
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
