/** Shifts arranged directly in the store (tests of windows, retries and budgets at any hour). */
import type { System } from './system';

/** The Beijing calendar date of an instant, whatever the process's zone. */
export const chinaDate = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export interface ArrangedStation {
  id: string;
  name: string;
  unitId: string;
  unitPath: string[];
  location: { lat: number; lng: number };
}

export async function arrangeShift(
  sys: System,
  station: ArrangedStation,
  shift: { id: string; start: Date; end: Date; date?: string },
  members: { userId: string; openid: string; name?: string }[],
) {
  const doc = {
    _id: shift.id,
    workstationId: station.id,
    workstationName: station.name,
    unitId: station.unitId,
    unitPath: station.unitPath,
    location: station.location,
    radius: 200,
    date: shift.date ?? chinaDate(shift.start),
    start: shift.start,
    end: shift.end,
    members: members.map((m) => ({
      userId: m.userId,
      openid: m.openid,
      name: m.name ?? `测试委员${m.userId}`,
      sectorName: '经济界',
      avatar: null,
      outcome: 'pending',
      signedInAt: null,
      signedOutAt: null,
      method: null,
      distance: null,
      earlyLeave: false,
    })),
    memberIds: members.map((m) => m.userId),
    status: 'scheduled',
    signedInCount: 0,
    settled: false,
    cancelReason: null,
    createdBy: 'test',
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await sys.db.collection('shifts').add({ data: doc });
  return doc;
}
