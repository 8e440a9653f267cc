/**
 * Concern figures for `npm run bench`: round trips of the citizen's and member's actions, and the
 * staff queue (page + per-status counts + overdue) and headline figures on a county holding
 * 100,000 concerns against 1,000. Counts come from per-bucket counters, so they must not grow
 * with the concerns; the emulator runs in strict mode, so every query is served by an index.
 */
import type { System } from '../integration/system';
import { WHO } from '../integration/system';

const PATH = ['u-gansu', 'u-baiyin', 'u-jingyuan'];
const STATUSES = ['closed', 'replied', 'in_progress', 'assigned', 'accepted', 'submitted'] as const;

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

/** `n` more concerns at one bench station, in batches, and its bucket's counts to match. */
async function addConcerns(sys: System, from: number, n: number) {
  const now = Date.now();
  const counts: Record<string, number> = {};
  for (let i = from; i < from + n; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, from + n - i) }, (_, k) => {
      const j = i + k;
      const status = STATUSES[j % 100 < 90 ? j % 2 : 2 + (j % 4)];
      counts[status] = (counts[status] ?? 0) + 1;
      const open = !['closed', 'replied'].includes(status);
      return {
        unitId: 'u-jingyuan',
        unitPath: PATH,
        workstationId: 'ws-bench',
        workstationName: '压测工作站',
        category: '民生',
        title: `压测诉求 ${j}`,
        text: '压测用的诉求内容',
        photos: [],
        status,
        submitterOpenid: `o_bench_${j % 500}`,
        anonymous: false,
        phone: null,
        timeline: [],
        // A few open ones are overdue, as in life.
        dueAt: open ? new Date(now + (j % 10 === 0 ? -1 : 1) * 86_400_000) : null,
        createdAt: new Date(now - j * 60_000),
        updatedAt: new Date(now - j * 60_000),
      };
    });
    await sys.db.collection('concerns').add({ data: batch });
  }
  const inc = Object.fromEntries(Object.entries(counts).map(([s, v]) => [`counts.${s}`, sys.db.command.inc(v)]));
  await sys.db.collection('concern_counters').doc('ws:ws-bench').update({ data: inc });
}

export async function concernFigures(sys: System): Promise<[string, string][]> {
  const rows = await concernRoundTrips(sys);
  await queueFigures(sys, rows);
  return rows;
}

/** Every citizen and member concern action, measured as it succeeds along one concern's way. */
export async function concernRoundTrips(sys: System): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const staffCity = sys.as(WHO.cityStaff);
  const member = sys.as(WHO.member);
  const form = {
    workstationId: 'ws-huishi',
    category: '民生',
    title: '压测办理一条诉求',
    text: '这是一条用于测量数据库往返次数的诉求内容。',
    consent: true,
  } as const;
  const citizen = sys.as('o_bench_flow');
  let id = '';
  const submit = await roundTrips(sys, async () => {
    id = (await citizen.ok('concern.submit', form))._id;
  });
  await staffCity.ok('concern.accept', { id });
  await staffCity.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  const listAssigned = await roundTrips(sys, () => member.ok('concern.listAssigned', {}));
  const start = await roundTrips(sys, () => member.ok('concern.start', { id }));
  const reply = await roundTrips(sys, () =>
    member.ok('concern.reply', { id, text: '已协调处理完毕，请查看效果并评价。' }),
  );
  const listMine = await roundTrips(sys, () => citizen.ok('concern.listMine', {}));
  // The first open after a change also clears "有新进展"; the second only reads.
  const getUnread = await roundTrips(sys, () => citizen.ok('concern.get', { id }));
  const get = await roundTrips(sys, () => citizen.ok('concern.get', { id }));
  const rate = await roundTrips(sys, () => citizen.ok('concern.rate', { id, score: 5 }));
  const reopen = await roundTrips(sys, () => citizen.ok('concern.reopen', { id, reason: '仍有问题' }));
  rows.push(['concern.submit (citizen): cloud calls / database round trips', `1 / ${submit}`]);
  rows.push(['concern.listMine (citizen): database round trips', String(listMine)]);
  rows.push(['concern.get (citizen): round trips, with "有新进展" cleared / without', `${getUnread} / ${get}`]);
  rows.push(['concern.rate / concern.reopen (citizen): database round trips', `${rate} / ${reopen}`]);
  rows.push(['concern.listAssigned (member): database round trips', String(listAssigned)]);
  rows.push(['concern.start / concern.reply (member): database round trips, submitter told', `${start} / ${reply}`]);
  return rows;
}

async function queueFigures(sys: System, rows: [string, string][]) {
  await sys.db.collection('concern_counters').add({
    data: {
      _id: 'ws:ws-bench',
      unitId: 'u-jingyuan',
      unitPath: PATH,
      workstationId: 'ws-bench',
      workstationName: '压测工作站',
      limits: { acceptWorkingDays: 3, replyDays: 15 },
      counts: {},
      quarters: {},
    },
  });
  const staff = sys.as(WHO.jingyuanStaff);
  const queue = () => staff.ok('concern.listForStaff', { status: 'submitted' });
  const figures = () => staff.ok('concern.figures', {});
  await addConcerns(sys, 0, 1000);
  const small = [await timeIt(queue), await timeIt(figures)];
  await addConcerns(sys, 1000, 99_000);
  const large = [await timeIt(queue), await timeIt(figures)];
  const total = (await queue()).counts;
  rows.push([
    'staff queue page (page + counts + overdue): 100,000 vs 1,000 concerns (time ratio)',
    `${(large[0] / small[0]).toFixed(2)}× (${small[0].toFixed(1)} ms → ${large[0].toFixed(1)} ms; ${Object.values(total).reduce((a, b) => a + (b ?? 0), 0)} counted)`,
  ]);
  rows.push([
    'staff headline figures: 100,000 vs 1,000 concerns (time ratio)',
    `${(large[1] / small[1]).toFixed(2)}× (${small[1].toFixed(1)} ms → ${large[1].toFixed(1)} ms)`,
  ]);
}
