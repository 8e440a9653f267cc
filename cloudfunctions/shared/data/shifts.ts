import type { DutyOutcome, LeaveRequest, Shift, ShiftMember, User } from '@lxq/types';
import { $, _, db } from '../cloud';
import { alreadyChanged, changeRecord, rewound } from '../rewind';
import { pageOf } from './page';
import { notFound } from '../errors';

const shifts = () => db.collection('shifts');

/** The shift, as this request first found it when it is a retry of a change already made (resume.ts). */
export async function getShift(id: string): Promise<Shift> {
  const { data } = await shifts().where({ _id: id }).limit(1).get();
  if (!data[0]) throw notFound('没有找到这个班次，可能已被删除');
  return rewound(data[0] as Shift);
}

export interface ShiftForRequest {
  shift: Shift;
  /** Every leave or swap request already made on the shift, by anyone. */
  requests: LeaveRequest[];
  /** The proposed swap partner's user document, when one was asked for and exists. */
  partner: User | null;
}

/**
 * A shift, the requests already made on it and (for a swap) the proposed partner, in one
 * database request ($lookup): what a member's leave or swap request needs to be checked.
 */
export async function shiftForRequest(shiftId: string, partnerId: string | null): Promise<ShiftForRequest> {
  let query = shifts()
    .aggregate()
    .match({ _id: shiftId })
    .lookup({ from: 'leaves', localField: '_id', foreignField: 'shiftId', as: 'requests' });
  if (partnerId) {
    query = query
      .addFields({ partnerKey: $.literal(partnerId) })
      .lookup({ from: 'users', localField: 'partnerKey', foreignField: '_id', as: 'partners' });
  }
  const { list } = await query.limit(1).end();
  const found = list[0] as (Shift & { requests: LeaveRequest[]; partners?: User[]; partnerKey?: string }) | undefined;
  if (!found) throw notFound('没有找到这个班次，可能已被删除');
  const { requests, partners, partnerKey: _key, ...shift } = found;
  return { shift, requests, partner: partners?.[0] ?? null };
}

/** Inserts in batches of 100, so a long rotation is a few modest requests rather than one large one. */
export async function insertShifts(list: Shift[]): Promise<void> {
  for (let i = 0; i < list.length; i += 100) {
    await shifts().add({ data: list.slice(i, i + 100) });
  }
}

/** Scheduled shifts at a station that overlap [start, end). */
export async function stationShiftsBetween(workstationId: string, start: Date, end: Date): Promise<Shift[]> {
  const { data } = await shifts()
    .where({ workstationId, start: _.lt(end), status: 'scheduled' })
    .orderBy('start', 'desc')
    .limit(1000)
    .get();
  return (data as Shift[]).filter((s) => s.end > start);
}

/**
 * Scheduled shifts of any of these members that overlap [start, end). A shift is at most a day
 * long, so looking one day before `start` finds every overlap.
 */
export async function memberShiftsBetween(memberIds: string[], start: Date, end: Date): Promise<Shift[]> {
  const { data } = await shifts()
    .where({
      memberIds: _.in(memberIds),
      start: _.and(_.gte(new Date(start.getTime() - 86_400_000)), _.lt(end)),
      status: 'scheduled',
    })
    .orderBy('start', 'asc')
    .limit(1000)
    .get();
  return (data as Shift[]).filter((s) => s.end > start);
}

export async function pageStationShifts(workstationId: string, from: Date, to: Date, page: number, size: number) {
  return pageOf<Shift>(
    shifts().where({ workstationId, start: _.and(_.gte(from), _.lt(to)) }),
    ['start', 'asc'],
    page,
    size,
  );
}

export async function pageMemberShifts(
  memberId: string,
  when: 'upcoming' | 'past',
  now: Date,
  page: number,
  size: number,
) {
  const where =
    when === 'upcoming'
      ? shifts().where({ memberIds: memberId, end: _.gte(now) })
      : shifts().where({ memberIds: memberId, end: _.lt(now) });
  return pageOf<Shift>(where, ['end', when === 'upcoming' ? 'asc' : 'desc'], page, size);
}

/** A station's scheduled shifts that start in [from, to), at most 200 (a week of a busy station). */
export async function stationShiftsStarting(workstationId: string, from: Date, to: Date): Promise<Shift[]> {
  const { data } = await shifts()
    .where({ workstationId, start: _.and(_.gte(from), _.lt(to)), status: 'scheduled' })
    .orderBy('start', 'asc')
    .limit(200)
    .get();
  return data as Shift[];
}

/** Changes a shift that has not changed since it was read (updatedAt and the sign-in count as its version). */
export async function replaceShiftIfUnchanged(before: Shift, patch: Partial<Shift>): Promise<boolean> {
  // This request made the change before it died: it is in (getShift gave the shift as it was).
  if (alreadyChanged(before)) return true;
  const { stats } = await shifts()
    .where({ _id: before._id, updatedAt: before.updatedAt, signedInCount: before.signedInCount, status: 'scheduled' })
    .update({ data: { ...patch, ...changeRecord(before, patch) } });
  return stats.updated === 1;
}

/**
 * Records a sign-in on member slot `index`, only if that slot still holds this member and they
 * have not signed in: two twins cannot both count, so `signedInCount` stays exact.
 */
export async function markSignedIn(shiftId: string, index: number, userId: string, patch: Partial<ShiftMember>) {
  const slot = `members.${index}`;
  const set: Record<string, unknown> = { signedInCount: _.inc(1) };
  for (const [k, v] of Object.entries(patch)) set[`${slot}.${k}`] = v;
  const { stats } = await shifts()
    .where({ _id: shiftId, status: 'scheduled', [`${slot}.userId`]: userId, [`${slot}.signedInAt`]: null })
    .update({ data: set });
  return stats.updated === 1;
}

/**
 * Notes a refused sign-in on the member's entry (the last few only). The sign-in reads the shift
 * anyway, so the next attempt counts these at no round trip of its own (limits.ts).
 */
export async function noteFailedSignIn(shiftId: string, index: number, userId: string, at: Date, keep: number) {
  const slot = `members.${index}`;
  await shifts()
    .where({ _id: shiftId, [`${slot}.userId`]: userId })
    .update({ data: { [`${slot}.failedSignIns`]: _.push({ each: [at], slice: -keep }) } });
}

export async function markSignedOut(shiftId: string, index: number, userId: string, patch: Partial<ShiftMember>) {
  const slot = `members.${index}`;
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) set[`${slot}.${k}`] = v;
  const { stats } = await shifts()
    .where({
      _id: shiftId,
      [`${slot}.userId`]: userId,
      [`${slot}.signedInAt`]: _.neq(null),
      [`${slot}.signedOutAt`]: null,
    })
    .update({ data: set });
  return stats.updated === 1;
}

/**
 * Sets one member's outcome (leave) while they are still pending. `shift` is as the caller read it
 * (getShift): the change is recorded with the request, so its retry knows it as its own.
 */
export async function setPendingOutcome(shift: Shift, index: number, userId: string, outcome: DutyOutcome, now: Date) {
  if (alreadyChanged(shift)) return true;
  const slot = `members.${index}`;
  const set = { [`${slot}.outcome`]: outcome, updatedAt: now };
  const { stats } = await shifts()
    .where({ _id: shift._id, [`${slot}.userId`]: userId, [`${slot}.outcome`]: 'pending' })
    .update({ data: { ...set, ...changeRecord(shift, set) } });
  return stats.updated === 1;
}

/** Ended, scheduled, not yet settled: what the absence timer works through, oldest first. */
export async function unsettledEndedBefore(now: Date, limit: number): Promise<Shift[]> {
  const { data } = await shifts()
    .where({ settled: false, end: _.lte(now) })
    .orderBy('end', 'asc')
    .limit(limit)
    .get();
  return data as Shift[];
}

/** Marks still-pending members absent and the shift settled, in one conditional update. */
export async function settleShift(shift: Shift): Promise<number> {
  const set: Record<string, unknown> = { settled: true };
  let absent = 0;
  shift.members.forEach((m, i) => {
    if (shift.status === 'scheduled' && m.outcome === 'pending') {
      set[`members.${i}.outcome`] = 'absent';
      absent++;
    }
  });
  // Only if nobody changed it since it was read: a late sign-in wins over the timer.
  const { stats } = await shifts()
    .where({ _id: shift._id, settled: false, updatedAt: shift.updatedAt, signedInCount: shift.signedInCount })
    .update({ data: set });
  return stats.updated === 1 ? absent : 0;
}

/** Outcome counts over a day's scheduled shifts in a unit's subtree. */
export async function outcomeCounts(unitId: string, date: string): Promise<Partial<Record<DutyOutcome, number>>> {
  const { list } = await shifts()
    .aggregate()
    .match({ unitPath: unitId, date, status: 'scheduled' })
    .unwind('$members')
    .group({ _id: '$members.outcome', n: $.sum(1) })
    .limit(10)
    .end();
  return Object.fromEntries((list as { _id: DutyOutcome; n: number }[]).map((r) => [r._id, r.n]));
}

export interface StationDay {
  _id: string;
  workstationName: string;
  shifts: number;
  covered: number;
  people: { name: string; outcome: DutyOutcome }[][];
  starts: Date[];
  ends: Date[];
}

/** One page of a day's stations (by name) with their shift figures, and how many stations there are. */
export async function pageStationDays(unitId: string, date: string, page: number, size: number) {
  const match = { unitPath: unitId, date, status: 'scheduled' };
  const [{ list }, { list: total }] = await Promise.all([
    shifts()
      .aggregate()
      .match(match)
      .sort({ start: 1 })
      .group({
        _id: '$workstationId',
        workstationName: $.first('$workstationName'),
        shifts: $.sum(1),
        covered: $.sum($.cond([$.gt(['$signedInCount', 0]), 1, 0])),
        people: $.push('$members'),
        starts: $.push('$start'),
        ends: $.push('$end'),
      })
      .sort({ workstationName: 1 })
      .skip((page - 1) * size)
      .limit(size)
      .end(),
    shifts().aggregate().match(match).group({ _id: '$workstationId' }).count('n').end(),
  ]);
  return { items: list as StationDay[], total: ((total as { n: number }[])[0]?.n ?? 0) as number };
}

/** One member's outcomes over the scheduled shifts starting in a span (the 成绩单's duty column). */
export async function memberOutcomesBetween(
  userId: string,
  start: Date,
  end: Date,
): Promise<Partial<Record<DutyOutcome, number>>> {
  const { list } = await shifts()
    .aggregate()
    .match({ memberIds: userId, start: _.gte(start).and(_.lt(end)), status: 'scheduled' })
    .unwind('$members')
    .match({ 'members.userId': userId })
    .group({ _id: '$members.outcome', n: $.sum(1) })
    .limit(10)
    .end();
  return Object.fromEntries((list as { _id: DutyOutcome; n: number }[]).map((r) => [r._id, r.n]));
}

/** Ids of the members on a scheduled shift in the subtree on a China day, with their stations. */
export async function onDutyOn(unitId: string, date: string): Promise<Map<string, string>> {
  const { data } = await shifts()
    .where({ unitPath: unitId, date, status: 'scheduled' })
    .field({ memberIds: true, workstationName: true })
    .limit(1000)
    .get();
  const out = new Map<string, string>();
  for (const s of data as Pick<Shift, 'memberIds' | 'workstationName'>[]) {
    for (const m of s.memberIds) out.set(m, s.workstationName);
  }
  return out;
}

/** A station's shifts starting in [from, to), cancelled ones too: the roster export's rows. */
const rosterMatch = (workstationId: string, from: Date, to: Date) => ({
  workstationId,
  start: _.and(_.gte(from), _.lt(to)),
});

/** Rows of the roster export: one per member per shift. */
export async function countRosterRows(workstationId: string, from: Date, to: Date): Promise<number> {
  const { list } = await shifts()
    .aggregate()
    .match(rosterMatch(workstationId, from, to))
    .unwind('$members')
    .count('n')
    .end();
  return ((list as { n: number }[])[0]?.n ?? 0) as number;
}

/**
 * Rows `skip` to `skip + limit` of the roster export, in time order (the shift's id breaks ties,
 * so every page reads the same order and every row comes once).
 */
export async function rosterRows(
  workstationId: string,
  from: Date,
  to: Date,
  skip: number,
  limit: number,
): Promise<(Omit<Shift, 'members'> & { members: ShiftMember })[]> {
  const { list } = await shifts()
    .aggregate()
    .match(rosterMatch(workstationId, from, to))
    .sort({ start: 1, _id: 1 })
    .unwind('$members')
    .skip(skip)
    .limit(limit)
    .end();
  return list as (Omit<Shift, 'members'> & { members: ShiftMember })[];
}
