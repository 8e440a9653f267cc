/**
 * Concern figures for `npm run bench`: round trips of the citizen's and member's actions, and the
 * staff console's reads (queue page + per-status counts + overdue, headline figures, a later
 * page) on a county holding 1,000,000 concerns against 10,000 (loaded straight into the store:
 * a million SDK inserts would take the bench's whole time). Counts come from per-bucket counters,
 * so they must not grow with the concerns; the emulator runs in strict mode, so every query,
 * sort included, is served by an index. The concern timers are timed at 100,000 and 1,000,000.
 */
import type { System } from '../integration/system';
import { WHO } from '../integration/system';

const STATUSES = ['closed', 'replied', 'in_progress', 'assigned', 'accepted', 'submitted'] as const;

async function roundTrips(sys: System, fn: () => Promise<unknown>) {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
}

interface Station {
  id: string;
  unitId: string;
  path: string[];
}
const LARGE: Station = { id: 'ws-bench', unitId: 'u-jingyuan', path: ['u-gansu', 'u-baiyin', 'u-jingyuan'] };
const SMALL_AT: Station = { id: 'ws-bench-small', unitId: 'u-huining', path: ['u-gansu', 'u-baiyin', 'u-huining'] };

/** Concerns `from`…`from + n` at a bench station, loaded straight into the store; the counts they add per status. */
function addConcerns(sys: System, at: Station, from: number, n: number, counts: Record<string, number>) {
  const now = Date.now();
  for (let i = from; i < from + n; i += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, from + n - i) }, (_, k) => {
      const j = i + k;
      const status = STATUSES[j % 100 < 90 ? j % 2 : 2 + (j % 4)];
      counts[status] = (counts[status] ?? 0) + 1;
      const open = !['closed', 'replied'].includes(status);
      return {
        _id: `${at.id}-${j}`,
        unitId: at.unitId,
        unitPath: at.path,
        workstationId: at.id,
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
    sys.emulator.database.bulkLoad('concerns', batch);
  }
}

/** The station's counter bucket, as the functions keep it, with the counts of what was loaded. */
function addBucket(sys: System, at: Station, counts: Record<string, number>) {
  sys.emulator.database.bulkLoad('concern_counters', [
    {
      _id: `ws:${at.id}`,
      unitId: at.unitId,
      unitPath: at.path,
      workstationId: at.id,
      workstationName: '压测工作站',
      limits: { acceptWorkingDays: 3, replyDays: 15 },
      counts,
      quarters: {},
    },
  ]);
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

/** CONCERN_BENCH_TOTAL lowers the large figure for a quick run (the small one is a hundredth of it). */
const TOTAL = Number(process.env.CONCERN_BENCH_TOTAL) || 1_000_000;
const SMALL = Math.round(TOTAL / 100);
const MID = Math.round(TOTAL / 10);
const RATIO_BUDGET = 2;
const n = (x: number) => x.toLocaleString('en-US');

async function median(fn: () => Promise<unknown>, runs: number) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * The staff console's reads over 10,000 and over 1,000,000 concerns, in one store of TOTAL: a
 * county's staff (huining) whose subtree holds SMALL, and the city's (baiyin) whose subtree holds
 * them all. Each read is timed alternately for the two, so a machine busy with other work slows
 * both alike. Then the concern timers, which read everyone's concerns, at MID and at TOTAL (10×).
 */
async function queueFigures(sys: System, rows: [string, string][]) {
  const reads = (who: string) => {
    const staff = sys.as(who);
    return [
      () => staff.ok('concern.listForStaff', { status: 'submitted' }),
      () => staff.ok('concern.figures', {}),
      () => staff.ok('concern.listForStaff', { status: 'accepted', page: 3 }),
    ];
  };
  const small = reads(WHO.huiningStaff);
  const large = reads(WHO.cityStaff);
  const at = new Date();
  const timers = [
    () => sys.emulator.fireTimer('concern', 'dailyReminder', at),
    () => sys.emulator.fireTimer('concern', 'weeklyDigest', at),
  ];
  const timeTimers = async () => {
    const out: number[] = [];
    for (const run of timers) out.push(await median(run, 3));
    return out;
  };

  const t0 = Date.now();
  const smallCounts: Record<string, number> = {};
  addConcerns(sys, SMALL_AT, 0, SMALL, smallCounts);
  addBucket(sys, SMALL_AT, smallCounts);
  const largeCounts: Record<string, number> = {};
  addConcerns(sys, LARGE, 0, MID - SMALL, largeCounts);
  const timersMid = await timeTimers();
  addConcerns(sys, LARGE, MID - SMALL, TOTAL - MID, largeCounts);
  addBucket(sys, LARGE, largeCounts);
  const seconds = Math.round((Date.now() - t0) / 1000);
  const timersLarge = await timeTimers();

  const total = async (who: string) =>
    Object.values((await sys.as(who).ok('concern.listForStaff', {})).counts).reduce<number>((a, b) => a + (b ?? 0), 0);
  const counted = [await total(WHO.huiningStaff), await total(WHO.cityStaff)];
  const labels = [
    'staff queue page (page + per-status counts + overdue)',
    'staff headline figures (this quarter, open, overdue)',
    'staff queue, third page of 已受理 (counts from the counters)',
  ];
  for (let i = 0; i < labels.length; i++) {
    const [a, b] = await alternate(small[i], large[i], 25);
    const r = b / a;
    rows.push([
      `${labels[i]}: ${n(counted[1])} vs ${n(counted[0])} concerns in the staff member's units (time ratio, budget ≤ ${RATIO_BUDGET}×)`,
      `${r.toFixed(2)}× ${r <= RATIO_BUDGET ? '✓' : '✗'} (${a.toFixed(1)} ms → ${b.toFixed(1)} ms${i === 0 ? `; ${n(TOTAL)} loaded in ${seconds} s` : ''})`,
    ]);
  }
  const overdue = (x: number) => n(Math.round(x / 100)); // open (10%) and past due (a tenth of those)
  [
    `concern timer dailyReminder (overdue concerns grouped by handler; ${overdue(MID)} → ${overdue(TOTAL)} overdue)`,
    'concern timer weeklyDigest (figures to every staff member, from the counters)',
  ].forEach((label, i) =>
    rows.push([
      `${label}: ${n(TOTAL)} vs ${n(MID)} concerns (time ratio; linear would be 10×)`,
      `${(timersLarge[i] / timersMid[i]).toFixed(2)}× (${timersMid[i].toFixed(0)} ms → ${timersLarge[i].toFixed(0)} ms)`,
    ]),
  );
}

/** Median milliseconds of `a` and of `b`, called in turn `runs` times (after one warm-up each). */
async function alternate(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number) {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, out] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const t = process.hrtime.bigint();
      await fn();
      out.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [mid(ta), mid(tb)];
}
