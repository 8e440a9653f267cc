/**
 * The staff dashboard for `npm run bench`: a county whose bench station holds 1,000 concerns over
 * the last year, then 100,000; the dashboard's time must stay within 2× (issue 16). The concerns
 * are stored as the functions store them, and their bucket counted with the same increments the
 * functions make, so the dashboard reads exactly what it reads in life.
 */
import { CONCERN_CATEGORIES } from '@lxq/types';
import { quarterDelta, type Delta } from '../../cloudfunctions/shared/concerns/counters';
import type { System } from '../integration/system';
import { WHO } from '../integration/system';

const PATH = ['u-gansu', 'u-baiyin', 'u-huining'];
const BUCKET = 'ws:ws-dash-bench';
const SECTORS = ['sec-huining-0', 'sec-huining-1', null];

async function timeIt(fn: () => Promise<unknown>, runs = 20) {
  await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return Number(process.hrtime.bigint() - t) / 1e6 / runs;
}

async function roundTrips(sys: System, fn: () => Promise<unknown>) {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
}

/** `n` more concerns spread over the last 360 days, answered half of them, a tenth rated. */
async function addConcerns(sys: System, from: number, n: number) {
  const now = Date.now();
  const _ = sys.db.command;
  for (let i = from; i < from + n; i += 1000) {
    const delta: Delta = {};
    const add = (d: Delta) => Object.entries(d).forEach(([k, v]) => (delta[k] = (delta[k] ?? 0) + v));
    const batch = Array.from({ length: Math.min(1000, from + n - i) }, (_x, k) => {
      const j = i + k;
      const createdAt = new Date(now - (j % 360) * 86_400_000 - (j % 1440) * 60_000);
      const answered = j % 2 === 0;
      const firstRepliedAt = answered ? new Date(Math.min(now, createdAt.getTime() + 5 * 86_400_000)) : null;
      const c = {
        unitId: 'u-huining',
        unitPath: PATH,
        workstationId: 'ws-dash-bench',
        workstationName: '看板压测工作站',
        sectorId: SECTORS[j % 3],
        category: CONCERN_CATEGORIES[j % CONCERN_CATEGORIES.length],
        title: `看板压测诉求 ${j}`,
        text: '压测用的诉求内容',
        photos: [],
        status: answered ? 'replied' : 'in_progress',
        submitterOpenid: `o_dash_bench_${j % 500}`,
        anonymous: false,
        phone: null,
        timeline: [],
        dueAt: answered ? null : new Date(now + 86_400_000),
        firstRepliedAt,
        createdAt,
        updatedAt: createdAt,
      };
      add(quarterDelta(createdAt, { collected: 1 }, c));
      if (firstRepliedAt) add(quarterDelta(firstRepliedAt, { answered: 1, onTime: j % 4 === 0 ? 0 : 1 }, c));
      return c;
    });
    await sys.db.collection('concerns').add({ data: batch });
    const inc = Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, _.inc(v)]));
    await sys.db.collection('concern_counters').doc(BUCKET).update({ data: inc });
  }
}

export async function dashboardFigures(sys: System): Promise<[string, string][]> {
  await sys.db.collection('concern_counters').add({
    data: {
      _id: BUCKET,
      unitId: 'u-huining',
      unitPath: PATH,
      workstationId: 'ws-dash-bench',
      workstationName: '看板压测工作站',
      limits: { acceptWorkingDays: 3, replyDays: 15 },
      counts: {},
      quarters: {},
      months: {},
    },
  });
  const staff = sys.as(WHO.huiningStaff);
  const dashboard = () => staff.ok('org.dashboard', {});
  await addConcerns(sys, 0, 1000);
  const small = await timeIt(dashboard);
  const trips = await roundTrips(sys, dashboard);
  await addConcerns(sys, 1000, 99_000);
  const large = await timeIt(dashboard);
  const seen = (await dashboard()).concerns.collected;
  return [
    [
      'staff dashboard (12 months, unit subtree): 100,000 vs 1,000 concerns (time ratio, budget ≤ 2×)',
      `${(large / small).toFixed(2)}× (${small.toFixed(1)} ms → ${large.toFixed(1)} ms; ${seen} concerns counted; ${trips} round trips)`,
    ],
  ];
}

/** Run alone: `npx tsx test/bench/dashboard.ts` (builds the functions, starts a system). */
if (require.main === module) {
  void (async () => {
    const { buildFunctions } = await import('../../scripts/build-functions');
    const { startSystem } = await import('../integration/system');
    await buildFunctions();
    const sys = await startSystem();
    const rows = await dashboardFigures(sys);
    await sys.stop();
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  })();
}
