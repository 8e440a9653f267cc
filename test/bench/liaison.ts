/**
 * Liaison figures (issue 6): database round trips of the member's actions, and the 成绩单's time
 * on 50,000 against 500,000 records (the aggregate reads one member's records through the
 * member_date index, so the total should not matter), and against 10× the member's own records.
 */
import type { LiaisonRecord } from '@lxq/types';
import type { System } from '../integration/system';

const MEMBER = 'o_member_10';
const MEMBER_ID = 'user-m10';

async function roundTrips(sys: System, fn: () => Promise<unknown>) {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
}

/** Median milliseconds of `runs` calls. */
async function timeOf(fn: () => Promise<unknown>, runs = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function records(memberId: string, from: number, count: number, yearStart: number, now: number): LiaisonRecord[] {
  const span = now - yearStart;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const date = new Date(yearStart + ((i * 7919) % span));
    return {
      _id: `bench-${memberId}-${i}`,
      memberId,
      memberName: '压测委员',
      unitId: 'u-baiyin',
      unitPath: ['u-gansu', 'u-baiyin'],
      sectorId: null,
      date,
      channel: 'face',
      occasion: null,
      place: '压测社区',
      groups: [],
      personTimes: 1 + (i % 9),
      services: [],
      summary: '压测记录',
      photos: [],
      contactIds: [],
      contactNames: [],
      pairingId: null,
      pairingName: '',
      concernIds: [],
      createdAt: date,
    };
  });
}

async function insert(sys: System, docs: LiaisonRecord[]) {
  for (let i = 0; i < docs.length; i += 1000) {
    await sys.db.collection('liaison_records').add({ data: docs.slice(i, i + 1000) });
  }
}

export async function liaisonFigures(sys: System, total = Number(process.env.LIAISON_BENCH_TOTAL ?? 500_000)) {
  const rows: [string, string][] = [];
  const now = Date.now();
  const china = new Date(now + 8 * 3_600_000);
  const yearStart = Date.UTC(china.getUTCFullYear(), 0, 1) - 8 * 3_600_000;
  const today = china.toISOString().slice(0, 10);
  const log = {
    date: today,
    time: '00:01',
    channel: 'face',
    place: '压测社区',
    personTimes: 3,
    summary: '压测联系记录内容',
  } as const;

  await sys.as(MEMBER).call('liaison.scorecard', {}); // warm the instance
  const raise = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      category: '民生' as const,
      title: `压测诉求标题${i + 1}`,
      text: '压测诉求内容，测量往返次数。',
    }));
  const logTrips = (n: number, over: object = {}) =>
    roundTrips(sys, () => sys.as(MEMBER).ok('liaison.log', { ...log, ...over, concerns: raise(n) }));
  const { contacts } = await sys.as(MEMBER).ok('liaison.formOptions', {});
  const withContact = contacts.length ? { contactIds: [contacts[0].id] } : {};
  rows.push([
    'liaison.log: database round trips without a concern (no contact / with a contact) / 1 concern / 3 concerns',
    `${await logTrips(0)} / ${await logTrips(0, withContact)} / ${await logTrips(1, withContact)} / ${await logTrips(3, withContact)}`,
  ]);
  rows.push([
    'liaison.formOptions / liaison.grid (director): database round trips',
    `${await roundTrips(sys, () => sys.as(MEMBER).call('liaison.formOptions', {}))} / ${await roundTrips(sys, () =>
      sys.as('o_member_03').call('liaison.grid', {}),
    )}`,
  ]);

  // 50,000 records: the member owns 100, the rest belong to 49 others.
  const t0 = Date.now();
  await insert(sys, records(MEMBER_ID, 0, 100, yearStart, now));
  for (let m = 0; m < 49; m++) await insert(sys, records(`bench-other-${m}`, 0, 1000 - 2, yearStart, now));
  const at50k = await timeOf(() => sys.as(MEMBER).ok('liaison.scorecard', {}));
  const trips50k = await roundTrips(sys, () => sys.as(MEMBER).ok('liaison.scorecard', {}));

  // Up to `total`: the member still owns 100.
  const others = Math.ceil((total - 50_000) / 10_000);
  for (let m = 0; m < others; m++) await insert(sys, records(`bench-more-${m}`, 0, 10_000, yearStart, now));
  const inserted = (await sys.db.collection('liaison_records').count()).total as number;
  const atTotal = await timeOf(() => sys.as(MEMBER).ok('liaison.scorecard', {}));
  const tripsTotal = await roundTrips(sys, () => sys.as(MEMBER).ok('liaison.scorecard', {}));

  // 10× the member's own records on the same total.
  await insert(sys, records(MEMBER_ID, 100, 900, yearStart, now));
  const atOwn10 = await timeOf(() => sys.as(MEMBER).ok('liaison.scorecard', {}));
  const seconds = Math.round((Date.now() - t0) / 1000);

  rows.push([
    `liaison.scorecard (成绩单) on ${Math.round(inserted / 1000)}k records: database round trips`,
    `${tripsTotal} (on 50k: ${trips50k})`,
  ]);
  rows.push([
    `liaison.scorecard: ${Math.round(inserted / 1000)}k vs 50k records, member's own 100 (time ratio)`,
    `${(atTotal / at50k).toFixed(2)}× (${at50k.toFixed(1)} ms → ${atTotal.toFixed(1)} ms; ${seconds} s to insert)`,
  ]);
  rows.push([
    "liaison.scorecard: member's own 1,000 vs 100 records (time ratio; linear would be 10×)",
    `${(atOwn10 / atTotal).toFixed(2)}×`,
  ]);
  return rows;
}
