/**
 * Duty figures for `npm run bench` (issue 5): the database round trips of every action a member
 * takes on duty and of the public reads a citizen triggers (ENGINEERING.md §7: at most 4), and
 * today's board for 250 workstations against 25 (time ratio within one run).
 */
import type { ActionInput, ActionName } from '@lxq/types';
import type { System } from '../integration/system';

interface Person {
  userId: string;
  openid: string;
  name: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- documents arranged through the raw SDK */
function shiftDoc(id: string, station: string, unitPath: string[], start: Date, people: Person[], signed = 0): any {
  return {
    _id: id,
    workstationId: station,
    workstationName: `压测工作站 ${station.slice(3)}`,
    unitId: unitPath[unitPath.length - 1],
    unitPath,
    location: { lat: 36.5, lng: 104.2 },
    radius: 200,
    date: new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    start,
    end: new Date(start.getTime() + 3 * 3_600_000),
    members: people.map((p, k) => ({
      ...p,
      sectorName: '经济界',
      avatar: null,
      outcome: k < signed ? 'on_time' : 'pending',
      signedInAt: k < signed ? start : null,
      signedOutAt: null,
      method: null,
      distance: null,
      earlyLeave: false,
    })),
    memberIds: people.map((p) => p.userId),
    status: 'scheduled',
    signedInCount: signed,
    settled: false,
    cancelReason: null,
    createdBy: 'bench',
    createdAt: start,
    updatedAt: start,
  };
}

/** Two made-up members per board shift (the board reads only the shift). */
const pair = (i: number): Person[] =>
  [0, 1].map((k) => ({ userId: `u-bench-${i}-${k}`, openid: `o_bench_duty_${i}_${k}`, name: `委员${i}-${k}` }));
const boardShift = (i: number, path: string[], start: Date) =>
  shiftDoc(
    `bench-shift-${path.length}-${i}`,
    `ws-bench-${path.length}-${String(i >> 1).padStart(3, '0')}`,
    path,
    start,
    pair(i),
    i % 3 ? 1 : 0,
  );
/* eslint-enable @typescript-eslint/no-explicit-any */

async function timeIt(fn: () => Promise<unknown>, runs = 10) {
  await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return Number(process.hrtime.bigint() - t) / 1e6 / runs;
}

/**
 * A member's day on duty at 公园路 (seeded, with its assigned members), each action measured as it
 * succeeds: one row per action, as ENGINEERING.md §7 counts them.
 */
async function memberRoundTrips(sys: System): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const measure = async <N extends ActionName>(who: string, name: N, input: ActionInput<N>, label = '') => {
    const before = sys.emulator.database.roundTrips;
    const data = await sys.as(who).ok(name, input);
    rows.push([
      `${name}${label ? `（${label}）` : ''}: database round trips`,
      String(sys.emulator.database.roundTrips - before),
    ]);
    return data;
  };
  const { data: station } = await sys.db.collection('workstations').doc('ws-gongyuan').get();
  const people: Person[] = [];
  for (const id of station.memberIds.slice(0, 2)) {
    const { data: u } = await sys.db.collection('users').doc(id).get();
    people.push({ userId: u._id, openid: u.openid, name: u.name });
  }
  const [me, partner] = people;
  const here = { lat: 36.5, lng: 104.2 };
  const now = Date.now();
  const put = (id: string, start: number) =>
    sys.db.collection('shifts').add({ data: shiftDoc(id, 'ws-gongyuan', station.unitPath, new Date(start), [me]) });
  await put('bench-rt-now', now - 10 * 60_000);
  await put('bench-rt-later', now + 2 * 86_400_000);
  await put('bench-rt-swap', now + 3 * 86_400_000);
  const concern = {
    category: '民生',
    title: '村道坑洼需要修补',
    text: '村里通往镇上的道路坑洼很多，雨天积水严重。',
  } as const;

  await measure('o_bench_citizen', 'org.listWorkstations', {});
  await measure('o_bench_citizen', 'org.nearWorkstations', { location: here });
  await measure('o_bench_citizen', 'org.getWorkstation', { workstationId: 'ws-gongyuan' });
  await measure('o_bench_citizen', 'duty.stationDuty', { workstationId: 'ws-gongyuan' });
  await measure(me.openid, 'duty.myShifts', {});
  await measure(me.openid, 'duty.signIn', { shiftId: 'bench-rt-now', location: here });
  await measure(
    me.openid,
    'duty.recordReception',
    { shiftId: 'bench-rt-now', people: 2, topic: '咨询医保政策' },
    '接待',
  );
  await measure(
    me.openid,
    'duty.recordReception',
    { shiftId: 'bench-rt-now', people: 1, topic: '反映村道问题', consent: true, concerns: [concern] },
    '接待并代为提交诉求',
  );
  await measure(me.openid, 'duty.listReceptions', { shiftId: 'bench-rt-now' });
  await measure(me.openid, 'duty.signOut', { shiftId: 'bench-rt-now', location: here });
  await measure(me.openid, 'duty.stationMembers', { workstationId: 'ws-gongyuan' });
  await measure(
    me.openid,
    'duty.requestLeave',
    { shiftId: 'bench-rt-later', kind: 'leave', reason: '外出开会' },
    '请假',
  );
  const swap = await measure(
    me.openid,
    'duty.requestLeave',
    { shiftId: 'bench-rt-swap', kind: 'swap', partnerId: partner.userId, reason: '家中有事' },
    '调班',
  );
  await measure(me.openid, 'duty.myRequests', {});
  await measure(partner.openid, 'duty.answerSwap', { id: swap._id, accept: true });
  return rows;
}

export async function dutyFigures(sys: System): Promise<[string, string][]> {
  const rows = await memberRoundTrips(sys);
  const start = new Date(Date.now() - 10 * 60_000);
  // Sign-in: one cloud call; count the round trips of a cold (first) sign-in by location.
  await sys.db.collection('shifts').add({ data: [boardShift(0, ['u-bench-si'], start)] });
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
    const docs = Array.from({ length: n }, (_, i) => boardShift(i, path, start));
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
  rows.push(await absenceTimerFigure(sys));
  return rows;
}

/**
 * The markAbsences timer with 10× the settled history (20,000 vs 200,000 shifts, loaded straight
 * into the store) and the same 200 shifts newly ended each run: it reads only unsettled shifts,
 * so the history must not show in its time.
 */
async function absenceTimerFigure(sys: System): Promise<[string, string]> {
  const path = ['u-gansu', 'u-baiyin', 'u-bench-absence'];
  const history = (from: number, n: number) => {
    for (let i = from; i < from + n; i += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, from + n - i) }, (_, k) => {
        const j = i + k;
        return {
          ...shiftDoc(
            `bench-settled-${j}`,
            'ws-bench-abs',
            path,
            new Date(Date.UTC(2025, 0, 1) + j * 3_600_000),
            pair(j),
            1,
          ),
          settled: true,
        };
      });
      sys.emulator.database.bulkLoad('shifts', batch);
    }
  };
  let run = 0;
  const timeRuns = async () => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const ended = new Date(Date.now() - 4 * 3_600_000);
      run++;
      sys.emulator.database.bulkLoad(
        'shifts',
        Array.from({ length: 200 }, (_, i) =>
          shiftDoc(`bench-ended-${run}-${i}`, 'ws-bench-abs', path, ended, pair(i)),
        ),
      );
      const t = process.hrtime.bigint();
      const res = (await sys.emulator.fireTimer('duty', 'markAbsences')) as { data?: { shifts: number } };
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (res.data?.shifts !== 200) throw new Error(`markAbsences settled ${JSON.stringify(res)}, expected 200 shifts`);
    }
    return times.sort((a, b) => a - b)[1];
  };
  history(0, 20_000);
  const small = await timeRuns();
  history(20_000, 180_000);
  const large = await timeRuns();
  return [
    'duty timer markAbsences (200 shifts ended since its last run): 200,000 vs 20,000 settled shifts (time ratio)',
    `${(large / small).toFixed(2)}× (${small.toFixed(0)} ms → ${large.toFixed(0)} ms)`,
  ];
}
