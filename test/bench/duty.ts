/**
 * Duty figures for `npm run bench` (issue 5): a sign-in's cloud calls and database round trips,
 * and today's board for 250 workstations against 25 (time ratio within one run).
 */
import type { System } from '../integration/system';

/* eslint-disable @typescript-eslint/no-explicit-any -- documents arranged through the raw SDK */
function shift(i: number, unitPath: string[], start: Date, date: string, signed: boolean): any {
  return {
    _id: `bench-shift-${unitPath.length}-${i}`,
    workstationId: `ws-bench-${unitPath.length}-${Math.floor(i / 2)}`,
    workstationName: `压测工作站 ${String(Math.floor(i / 2)).padStart(3, '0')}`,
    unitId: unitPath[unitPath.length - 1],
    unitPath,
    location: { lat: 36.5, lng: 104.2 },
    radius: 200,
    date,
    start,
    end: new Date(start.getTime() + 3 * 3_600_000),
    members: [0, 1].map((k) => ({
      userId: `u-bench-${i}-${k}`,
      openid: `o_bench_duty_${i}_${k}`,
      name: `委员${i}-${k}`,
      sectorName: '经济界',
      avatar: null,
      outcome: signed && k === 0 ? 'on_time' : 'pending',
      signedInAt: signed && k === 0 ? start : null,
      signedOutAt: null,
      method: null,
      distance: null,
      earlyLeave: false,
    })),
    memberIds: [`u-bench-${i}-0`, `u-bench-${i}-1`],
    status: 'scheduled',
    signedInCount: signed ? 1 : 0,
    receptionCount: 0,
    concernCount: 0,
    settled: false,
    createdBy: 'bench',
    createdAt: start,
    updatedAt: start,
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

async function timeIt(fn: () => Promise<unknown>, runs = 10) {
  await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return Number(process.hrtime.bigint() - t) / 1e6 / runs;
}

export async function dutyFigures(sys: System): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const start = new Date(Date.now() - 10 * 60_000);
  const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  // Sign-in: one cloud call; count the round trips of a cold (first) sign-in by location.
  await sys.db.collection('shifts').add({ data: [shift(0, ['u-bench-si'], start, date, false)] });
  const before = sys.emulator.database.roundTrips;
  const res = (await sys
    .as('o_bench_duty_0_0')
    .call('duty.signIn', { shiftId: 'bench-shift-1-0', location: { lat: 36.5, lng: 104.2 } })) as { ok: boolean };
  if (!res.ok) throw new Error(`bench sign-in failed: ${JSON.stringify(res)}`);
  rows.push(['duty.signIn: cloud calls / database round trips', `1 / ${sys.emulator.database.roundTrips - before}`]);

  // The board: a city with 25 stations (50 shifts), then one with 250 (500 shifts), same page size.
  const small = ['u-gansu', 'u-bench-small'];
  const large = ['u-gansu', 'u-bench-l', 'u-bench-large'];
  const put = async (path: string[], n: number) => {
    const docs = Array.from({ length: n }, (_, i) => shift(i, path, start, date, i % 3 !== 0));
    for (let i = 0; i < docs.length; i += 100) await sys.db.collection('shifts').add({ data: docs.slice(i, i + 100) });
  };
  await put(small, 50);
  await put(large, 500);
  await sys.db.collection('users').add({
    data: [
      {
        _id: 'u-bench-staff-s',
        openid: 'o_bench_staff_s',
        name: '压测甲',
        roles: ['staff'],
        unitId: 'u-bench-small',
        unitPath: small,
      },
      {
        _id: 'u-bench-staff-l',
        openid: 'o_bench_staff_l',
        name: '压测乙',
        roles: ['staff'],
        unitId: 'u-bench-large',
        unitPath: large,
      },
    ],
  });
  const t25 = await timeIt(() => sys.as('o_bench_staff_s').call('duty.board', { pageSize: 20 }));
  const t250 = await timeIt(() => sys.as('o_bench_staff_l').call('duty.board', { pageSize: 20 }));
  rows.push([
    'duty.board (today): 250 vs 25 workstations (time ratio)',
    `${(t250 / t25).toFixed(2)}× (${t25.toFixed(1)} ms → ${t250.toFixed(1)} ms)`,
  ]);
  return rows;
}
