import type { Shift, ShiftMember, Workstation } from '@lxq/types';
import { Calendar } from '../../shared/calendar';
import { AppError, invalid } from '../../shared/errors';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUsersByIds } from '../../shared/data/users';
import { memberShiftsBetween, stationShiftsBetween } from '../../shared/data/shifts';
import dayjs from 'dayjs';
import { ZONE } from '../../shared/time';
import { blankMember, shiftDoc } from './shiftDoc';
import { chinaClock, chinaMoment, datesBetween, shiftWindow } from './times';

export { blankMember };

export interface Slot {
  date: string;
  startTime: string;
  endTime: string;
  memberIds: string[];
}

/** The people a roster names, checked: each is a member of the station's unit subtree. */
export async function rosterPeople(station: Workstation, memberIds: string[]): Promise<Map<string, ShiftMember>> {
  const ids = [...new Set(memberIds)];
  if (ids.length !== memberIds.length) throw invalid({ memberIds: '同一班次中有重复的委员' });
  const users = await getUsersByIds(ids);
  // The station's own unit (or a unit under it): a county rosters its members, not another county's.
  const ok = users.filter((u) => u.roles.includes('member') && u.unitPath.includes(station.unitId));
  const missing = ids.filter((id) => !ok.some((u) => u._id === id));
  if (missing.length) throw invalid({ memberIds: '所选委员不存在或不属于本单位' });
  const sectors = await getSectorsByIds(ok.map((u) => u.sectorId ?? ''));
  return new Map(ok.map((u) => [u._id, blankMember(u, sectors.get(u.sectorId ?? '')?.name ?? '')]));
}

export function newShift(
  id: string,
  station: Workstation,
  slot: Slot,
  people: Map<string, ShiftMember>,
  by: string,
  now: Date,
): Shift {
  const { start, end } = shiftWindow(slot.date, slot.startTime, slot.endTime);
  if (end <= start) throw invalid({ endTime: '结束时间应晚于开始时间' });
  const members = slot.memberIds.map((m) => people.get(m)!);
  return shiftDoc(id, station, { date: slot.date, start, end }, members, by, now);
}

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;
const when = (s: { start: Date; end: Date }) => `${chinaMoment(s.start)}-${chinaClock(s.end)}`;

/**
 * Refuses a roster that books a member twice at once or overlaps another shift at the station,
 * naming who and when. `ignoreId` is the shift being edited.
 */
export async function refuseConflicts(planned: Shift[], ignoreId?: string): Promise<void> {
  if (!planned.length) return;
  const from = new Date(Math.min(...planned.map((s) => s.start.getTime())));
  const to = new Date(Math.max(...planned.map((s) => s.end.getTime())));
  const memberIds = [...new Set(planned.flatMap((s) => s.memberIds))];
  const [atStation, ofMembers] = await Promise.all([
    stationShiftsBetween(planned[0].workstationId, from, to),
    memberShiftsBetween(memberIds, from, to),
  ]);
  // A planned shift already stored is this request's own (its ids derive from the request): a retry after it died.
  const own = new Set(planned.map((s) => s._id));
  const existing = [...atStation, ...ofMembers].filter((s) => s._id !== ignoreId && !own.has(s._id));
  const problems: string[] = [];
  planned.forEach((p, i) => {
    const others = [...existing, ...planned.slice(0, i)];
    for (const o of others) {
      if (!overlaps(p, o)) continue;
      if (o.workstationId === p.workstationId) {
        problems.push(`${when(p)} 与本站已有班次 ${when(o)} 时间重叠`);
        continue;
      }
      for (const m of p.members) {
        if (o.memberIds.includes(m.userId)) problems.push(`${m.name} 在 ${when(o)} 已在${o.workstationName}值班`);
      }
    }
  });
  const unique = [...new Set(problems)];
  if (unique.length) {
    const shown = unique.slice(0, 3).join('；') + (unique.length > 3 ? ` 等 ${unique.length} 处冲突` : '');
    throw new AppError('CONFLICT', `排班冲突：${shown}`, { memberIds: shown });
  }
}

export interface RotationSlot {
  weekday: number;
  startTime: string;
  endTime: string;
  memberIds: string[];
}

/**
 * The dates of a weekly rotation: a public holiday is skipped even on a weekday; a make-up
 * working day (调休上班, a weekend that is a working day) takes Monday's slots, since the rota
 * has no weekend pattern for it. Ordinary weekends take their own weekday's slots, if any.
 */
export function rosterDays(from: string, to: string, slots: RotationSlot[], calendar: Calendar = new Calendar()) {
  const out: Slot[] = [];
  const skippedHolidays: string[] = [];
  const makeUpDays: string[] = [];
  for (const date of datesBetween(from, to)) {
    const weekday = ((dayjs.tz(date, ZONE).day() + 6) % 7) + 1;
    const weekend = weekday >= 6;
    let use = weekday;
    if (weekend && calendar.isWorkday(date)) {
      makeUpDays.push(date);
      use = 1;
    } else if (calendar.dayDetail(date).holiday) {
      if (slots.some((s) => s.weekday === weekday)) skippedHolidays.push(date);
      continue;
    }
    for (const s of slots.filter((x) => x.weekday === use)) {
      out.push({ date, startTime: s.startTime, endTime: s.endTime, memberIds: s.memberIds });
    }
  }
  return { days: out, skippedHolidays, makeUpDays };
}
