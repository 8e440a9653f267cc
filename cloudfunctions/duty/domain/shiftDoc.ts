import type { Shift, ShiftMember, User, Workstation } from '@lxq/types';

/**
 * A shift as it is stored, built in one place: by the roster actions, and by the seed and the
 * tests that arrange shifts directly. Pure, so scripts can use it without a database.
 */

/** A rostered member before anything is recorded: their openid is copied for the sign-in check. */
export function blankMember(u: Pick<User, '_id' | 'openid' | 'name' | 'avatar'>, sectorName: string): ShiftMember {
  return {
    userId: u._id,
    openid: u.openid,
    name: u.name,
    sectorName,
    avatar: u.avatar ?? null,
    outcome: 'pending',
    signedInAt: null,
    signedOutAt: null,
    method: null,
    distance: null,
    earlyLeave: false,
  };
}

export type ShiftStation = Pick<Workstation, '_id' | 'name' | 'unitId' | 'unitPath' | 'location' | 'radius'>;

/** A scheduled shift at a station: its place and radius are copied so a sign-in reads only the shift. */
export function shiftDoc(
  id: string,
  station: ShiftStation,
  when: { date: string; start: Date; end: Date },
  members: ShiftMember[],
  by: string,
  now: Date,
): Shift {
  return {
    _id: id,
    workstationId: station._id,
    workstationName: station.name,
    unitId: station.unitId,
    unitPath: station.unitPath,
    location: station.location,
    radius: station.radius,
    date: when.date,
    start: when.start,
    end: when.end,
    members,
    memberIds: members.map((m) => m.userId),
    status: 'scheduled',
    signedInCount: members.filter((m) => m.signedInAt).length,
    settled: false,
    cancelReason: null,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  };
}
