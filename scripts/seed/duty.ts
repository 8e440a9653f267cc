/**
 * A week of duty around `now` for the demo (PRODUCT.md §4): each on-duty station gets a morning
 * and an afternoon shift on working days from three days ago to three days ahead (the working-day calendar),
 * staffed by its assigned members. Past shifts carry outcomes (on time, late, absent, leave);
 * today a few stations are on duty in opening hours (running now when the demo starts inside them).
 * Tests that need a shift running whatever the hour ask for one (`runningNow`): the same stations'
 * first shift today then runs from an hour ago to three hours ahead.
 */
import { Calendar } from '../../cloudfunctions/shared/calendar';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { DutyOutcome, LeaveRequest, Reception, Sector, Shift, ShiftMember, User, Workstation } from '@lxq/types';
import { blankMember, shiftDoc } from '../../cloudfunctions/duty/domain/shiftDoc';

dayjs.extend(utc);
dayjs.extend(timezone);
const ZONE = 'Asia/Shanghai';
/** Stations on duty today (so 委员 can try signing in); the others are free today for new rosters. */
const ON_DUTY_TODAY = ['ws-gongyuan', 'ws-huishi', 'ws-wujiachuan'];
const PAST: DutyOutcome[] = ['on_time', 'on_time', 'late', 'on_time', 'absent', 'on_time', 'leave'];

export function makeShifts(
  now: Date,
  stations: Workstation[],
  users: User[],
  sectors: Sector[],
  runningNow = false,
): Shift[] {
  const byId = new Map(users.map((u) => [u._id, u]));
  const sectorName = (id?: string | null) => sectors.find((s) => s._id === id)?.name ?? '';
  const today = dayjs(now).tz(ZONE).startOf('day');
  const calendar = new Calendar();
  const shifts: Shift[] = [];
  let n = 0;
  for (const station of stations.filter((s) => s.kind !== 'report_point' && s.memberIds.length)) {
    for (let k = -3; k <= 3; k++) {
      const day = today.add(k, 'day');
      const date = day.format('YYYY-MM-DD');
      const open: [Date, Date][] = calendar.isWorkday(date)
        ? [
            [day.hour(9).toDate(), day.hour(12).toDate()],
            [day.hour(14).minute(30).toDate(), day.hour(17).minute(30).toDate()],
          ]
        : [];
      const windows: [Date, Date][] =
        k !== 0
          ? open
          : !ON_DUTY_TODAY.includes(station._id)
            ? []
            : runningNow
              ? [[new Date(now.getTime() - 3_600_000), new Date(now.getTime() + 3 * 3_600_000)]]
              : open;
      windows.forEach(([start, end], w) => {
        n++;
        const ids = station.memberIds.length > 1 ? rotate(station.memberIds, n).slice(0, 2) : station.memberIds;
        const members: ShiftMember[] = ids.map((id, i) => {
          const u = byId.get(id)!;
          const outcome: DutyOutcome = end < now ? PAST[(n + i) % PAST.length] : 'pending';
          const signed = outcome === 'on_time' || outcome === 'late';
          const signedInAt = signed ? new Date(start.getTime() + (outcome === 'late' ? 12 : -8) * 60_000) : null;
          return {
            ...blankMember(u, sectorName(u.sectorId)),
            outcome,
            signedInAt,
            signedOutAt: signed ? new Date(end.getTime() + 5 * 60_000) : null,
            method: signed ? 'location' : null,
            distance: signed ? 20 + ((n * 37) % 150) : null,
          };
        });
        const past = end < now;
        const made = new Date(now.getTime() - 10 * 86_400_000);
        const id = `shift-${station._id.slice(3)}-${date}-${w}`;
        shifts.push({
          ...shiftDoc(id, station, { date, start, end }, members, 'user-staff-city', made),
          settled: past,
        });
      });
    }
  }
  return shifts;
}

const TOPICS = ['咨询医保报销政策', '反映小区停车难', '了解养老服务补贴', '咨询就业创业扶持', '反映道路照明问题'];

/** The receptions of past shifts that someone attended: one to three each, as the board counts them. */
export function makeReceptions(now: Date, shifts: Shift[]): Reception[] {
  const out: Reception[] = [];
  shifts.forEach((s, n) => {
    const m = s.members.find((x) => x.signedInAt);
    if (s.end >= now || !m) return;
    for (let k = 0; k < 1 + (n % 3); k++) {
      out.push({
        _id: `reception-${s._id.slice(6)}-${k}`,
        shiftId: s._id,
        workstationId: s.workstationId,
        workstationName: s.workstationName,
        unitId: s.unitId,
        unitPath: s.unitPath,
        memberId: m.userId,
        memberName: m.name,
        date: s.date,
        people: 1 + ((n + k) % 4),
        topic: TOPICS[(n + k) % TOPICS.length],
        visitorName: null,
        visitorPhone: null,
        consent: false,
        concernId: null,
        createdAt: new Date(s.start.getTime() + (30 + 40 * k) * 60_000),
      });
    }
  });
  return out;
}

const rotate = <T>(xs: T[], by: number) => xs.map((_, i) => xs[(i + by) % xs.length]);

/** One pending leave request per county station with a future shift, for the approvals page. */
export function makeLeaves(now: Date, shifts: Shift[]): LeaveRequest[] {
  const out: LeaveRequest[] = [];
  for (const stationId of ['ws-huishi', 'ws-renmin']) {
    const s = shifts.find((x) => x.workstationId === stationId && x.start > now && x.date !== shifts[0]?.date);
    const m = s?.members[0];
    if (!s || !m) continue;
    out.push({
      _id: `leave-demo-${stationId.slice(3)}`,
      kind: 'leave',
      shiftId: s._id,
      workstationId: s.workstationId,
      workstationName: s.workstationName,
      unitPath: s.unitPath,
      shiftStart: s.start,
      shiftEnd: s.end,
      requesterId: m.userId,
      requesterName: m.name,
      requesterOpenid: m.openid,
      partnerId: null,
      partnerName: null,
      partnerOpenid: null,
      reason: '参加县里组织的专题调研',
      status: 'pending',
      decidedBy: null,
      decisionNote: null,
      createdAt: new Date(now.getTime() - 3_600_000),
      updatedAt: new Date(now.getTime() - 3_600_000),
    });
  }
  return out;
}
