/**
 * `npm run bench`: figures measured in one run, printed as a table for the README. Database round
 * trips are counted by the emulator (one per SDK request); times are compared as ratios inside
 * this run, never against fixed numbers.
 */
import { buildFunctions } from '../../scripts/build-functions';
import { startSystem, WHO, type System } from '../integration/system';

async function roundTrips(sys: System, fn: () => Promise<unknown>) {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
}

async function timeIt(fn: () => Promise<unknown>, runs = 20) {
  await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return Number(process.hrtime.bigint() - t) / 1e6 / runs;
}

async function addConcerns(sys: System, n: number, unitPath: string[]) {
  const now = Date.now();
  for (let i = 0; i < n; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
      unitId: unitPath[unitPath.length - 1],
      unitPath,
      workstationId: 'ws-bench',
      workstationName: '压测工作站',
      category: '民生',
      title: `压测诉求 ${i + k}`,
      text: '压测用的诉求内容',
      photos: [],
      status: (i + k) % 3 ? 'accepted' : 'submitted',
      submitterOpenid: `o_bench_${(i + k) % 500}`,
      anonymous: false,
      phone: null,
      timeline: [],
      createdAt: new Date(now - (i + k) * 60_000),
      updatedAt: new Date(now - (i + k) * 60_000),
    }));
    await sys.db.collection('concerns').add({ data: batch });
  }
}

async function main() {
  const rows: [string, string][] = [];
  await buildFunctions();
  const sys = await startSystem();
  const form = {
    workstationId: 'ws-huishi',
    category: '民生',
    title: '压测提交一条诉求',
    text: '这是一条用于测量数据库往返次数的诉求内容。',
    consent: true,
  } as const;
  await sys.as('o_warm').call('concern.submit', form); // warm the instance
  rows.push([
    'concern.submit: cloud calls / database round trips',
    `1 / ${await roundTrips(sys, () => sys.as('o_bench_submit').call('concern.submit', form))}`,
  ]);
  rows.push([
    'account.me (member): database round trips',
    String(await roundTrips(sys, () => sys.as(WHO.member).call('account.me', {}))),
  ]);
  rows.push([
    'concern.listMine: database round trips',
    String(await roundTrips(sys, () => sys.as(WHO.citizen).call('concern.listMine', {}))),
  ]);

  // The staff queue on a county with 1,000 concerns, then with 10,000: indexed, so it should not grow 10×.
  const staff = sys.as(WHO.jingyuanStaff);
  const path = ['u-gansu', 'u-baiyin', 'u-jingyuan'];
  await addConcerns(sys, 1000, path);
  const small = await timeIt(() => staff.call('concern.listForStaff', { status: 'submitted' }));
  await addConcerns(sys, 9000, path);
  const large = await timeIt(() => staff.call('concern.listForStaff', { status: 'submitted' }));
  rows.push([
    'staff queue page: 10,000 vs 1,000 concerns (time ratio)',
    `${(large / small).toFixed(2)}× (${small.toFixed(1)} ms → ${large.toFixed(1)} ms)`,
  ]);
  await sys.stop();

  console.log('\n| what | figure |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
