/** Shifts arranged directly in the store (tests of windows, retries and budgets at any hour). */
import { blankMember, shiftDoc } from '../../cloudfunctions/duty/domain/shiftDoc';
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
  const doc = shiftDoc(
    shift.id,
    { ...station, _id: station.id, radius: 200 },
    { date: shift.date ?? chinaDate(shift.start), start: shift.start, end: shift.end },
    members.map((m) =>
      blankMember({ _id: m.userId, openid: m.openid, name: m.name ?? `测试委员${m.userId}`, avatar: null }, '经济界'),
    ),
    'test',
    new Date(),
  );
  await sys.db.collection('shifts').add({ data: doc });
  return doc;
}
