import { CONCERN_CATEGORIES } from '@lxq/types';
import { inChina } from '../../cloudfunctions/shared/time';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

interface RawConcern {
  unitPath: string[];
  workstationId: string | null;
  sectorId: string | null;
  category: string;
  status: string;
  createdAt: Date;
  firstRepliedAt?: Date | null;
  acceptDueAt?: Date | null;
  replyDueAt?: Date | null;
  rating?: { score: number; at: Date } | null;
}

async function all<T>(collection: string, where: object): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await sys.db.collection(collection).where(where).skip(skip).limit(1000).get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fire = () => sys.emulator.fireTimer('housekeeping', 'recountCounters') as Promise<{ ok: boolean; data: any }>;
const month = (d: Date | null | undefined) => (d ? inChina(d).format('YYYY-MM') : '');

/** The dashboard's concern figures counted from the raw concerns, as a person would count them. */
function countRaw(concerns: RawConcern[], months: string[], sectorId?: string) {
  const mine = concerns.filter((c) => !sectorId || c.sectorId === sectorId);
  const inSpan = (d: Date | null | undefined) => months.includes(month(d));
  const answered = mine.filter((c) => inSpan(c.firstRepliedAt));
  const onTime = answered.filter((c) => {
    const due = c.status === 'rejected' ? c.acceptDueAt : c.replyDueAt;
    return !due || new Date(c.firstRepliedAt!) <= new Date(due);
  });
  const rated = mine.filter((c) => c.rating && inSpan(c.rating.at));
  return {
    months: months.map((m) => ({
      month: m,
      collected: mine.filter((c) => month(c.createdAt) === m).length,
      answered: mine.filter((c) => month(c.firstRepliedAt) === m).length,
    })),
    categories: Object.fromEntries(
      CONCERN_CATEGORIES.map((cat) => [cat, mine.filter((c) => c.category === cat && inSpan(c.createdAt)).length]),
    ),
    collected: mine.filter((c) => inSpan(c.createdAt)).length,
    answered: answered.length,
    onTime: onTime.length,
    ratingCount: rated.length,
    ratingSum: rated.reduce((n, c) => n + c.rating!.score, 0),
  };
}

describe('the staff dashboard', () => {
  test('when city staff open the dashboard, then every concern figure equals what the raw concerns say', async () => {
    const view = await sys.as(WHO.cityStaff).ok('org.dashboard', {});
    const raw = countRaw(
      await all<RawConcern>('concerns', { unitPath: 'u-baiyin' }),
      view.months.map((m) => m.month),
    );
    expect(view.months).toHaveLength(12);
    expect(view.months).toEqual(raw.months);
    expect(Object.fromEntries(view.categories.map((c) => [c.category, c.collected]))).toEqual(raw.categories);
    expect(view.concerns.collected).toBe(raw.collected);
    expect(view.concerns.collected).toBeGreaterThan(0);
    expect(view.concerns.answered).toBe(raw.answered);
    expect(view.concerns.onTime).toBe(raw.onTime);
    expect(view.concerns.ratingCount).toBe(raw.ratingCount);
    expect(view.concerns.averageRating).toBe(Math.round((raw.ratingSum / raw.ratingCount) * 10) / 10);
    // Per station, the map's figures add up to the same totals (concerns with no station aside).
    const onStations = view.stations.reduce((n, s) => n + s.collected, 0);
    expect(onStations).toBeLessThanOrEqual(raw.collected);
    expect(view.stations.length).toBe((await all('workstations', { unitPath: 'u-baiyin' })).length);
    expect(view.stations.every((s) => s.location && s.location.lat > 30)).toBe(true);
  });

  test('when staff filter by a sub-unit and a sector, then concerns and liaison figures are of that slice only', async () => {
    const records = await all<{ sectorId: string | null; personTimes: number; date: Date; memberId: string }>(
      'liaison_records',
      { unitPath: 'u-huining' },
    );
    const sectorId = records.find((r) => r.sectorId)!.sectorId!;
    const view = await sys.as(WHO.cityStaff).ok('org.dashboard', { unitId: 'u-huining', sectorId });
    const months = view.months.map((m) => m.month);
    const raw = countRaw(await all<RawConcern>('concerns', { unitPath: 'u-huining' }), months, sectorId);
    expect(view.unitName).toBe('政协会宁县委员会');
    expect(view.sectorName).toBeTruthy();
    expect(view.months).toEqual(raw.months);
    expect(view.concerns.collected).toBe(raw.collected);
    const mine = records.filter((r) => r.sectorId === sectorId && months.includes(month(r.date)));
    expect(view.liaison.activities).toBe(mine.length);
    expect(view.liaison.personTimes).toBe(mine.reduce((n, r) => n + r.personTimes, 0));
    expect(view.liaison.activeMembers).toBe(new Set(mine.map((r) => r.memberId)).size);
    expect(view.liaison.members).toBe(
      (await all('users', { unitPath: 'u-huining', roles: 'member', sectorId })).length,
    );
    expect(view.topMembers.length).toBeLessThanOrEqual(5);
    expect(view.topMembers[0]?.activities).toBe(
      Math.max(...[...new Set(mine.map((r) => r.memberId))].map((id) => mine.filter((r) => r.memberId === id).length)),
    );
  });

  test('when staff look at duty coverage, then it counts the started scheduled shifts and those someone signed in to', async () => {
    const view = await sys.as(WHO.huiningStaff).ok('org.dashboard', {});
    const now = new Date();
    const shifts = (
      await all<{ date: string; status: string; start: Date; signedInCount: number }>('shifts', {
        unitPath: 'u-huining',
      })
    ).filter(
      (s) =>
        s.status === 'scheduled' && new Date(s.start) < now && view.months.some((m) => m.month === s.date.slice(0, 7)),
    );
    expect(view.duty.planned).toBe(shifts.length);
    expect(view.duty.planned).toBeGreaterThan(0);
    expect(view.duty.covered).toBe(shifts.filter((s) => s.signedInCount > 0).length);
  });

  test('when a concern is submitted and answered, then its month, category and station move at once', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const before = await staff.ok('org.dashboard', {});
    const { _id } = await sys.as('o_dash_citizen').ok('concern.submit', {
      workstationId: 'ws-huishi',
      category: '交通出行',
      title: '看板计数的诉求',
      text: '用于检验看板计数随诉求变化而变化的内容。',
      consent: true,
      anonymous: false,
      source: 'home',
    });
    await staff.ok('concern.reject', { id: _id, reason: '不属于受理范围' });
    const after = await staff.ok('org.dashboard', {});
    const last = (v: typeof before) => v.months[v.months.length - 1];
    expect(last(after).collected).toBe(last(before).collected + 1);
    expect(last(after).answered).toBe(last(before).answered + 1);
    const cat = (v: typeof before) => v.categories.find((c) => c.category === '交通出行')!.collected;
    expect(cat(after)).toBe(cat(before) + 1);
    const ws = (v: typeof before) => v.stations.find((s) => s.workstationId === 'ws-huishi')!;
    expect(ws(after).collected).toBe(ws(before).collected + 1);
    expect(ws(after).answered).toBe(ws(before).answered + 1);
  });

  test('when the span is backwards, too long, or another county, then a Chinese message and nothing else', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const backwards = await staff.call('org.dashboard', { from: '2026-06', to: '2026-01' });
    expect(backwards.ok ? null : backwards.error.message).toMatch('起始月份不能晚于结束月份');
    const long = await staff.call('org.dashboard', { from: '2020-01', to: '2026-01' });
    expect(long.ok ? null : long.error.message).toMatch('最多查看 24 个月');
    const bad = await staff.call('org.dashboard', { from: '2026-13' });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const other = await staff.call('org.dashboard', { unitId: 'u-jingyuan' });
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN');
    expect((await sys.as(WHO.member).call('org.dashboard', {})).ok).toBe(false);
  });

  test('when counters made before month slices are backfilled, then the dashboard shows what the records say, and a second run changes nothing', async () => {
    const staff = sys.as(WHO.cityStaff);
    const counters = sys.db.collection('concern_counters');
    const _ = sys.db.command;
    const raw = async (months: string[]) =>
      countRaw(await all<RawConcern>('concerns', { unitPath: 'u-baiyin' }), months);
    // Counters as an older deployment left them: no slices, nothing counted yet.
    await counters
      .where({ unitPath: 'u-baiyin' })
      .update({ data: { months: _.remove(), monthsCountedAt: _.remove() } });
    const stripped = await staff.ok('org.dashboard', {});
    const months = stripped.months.map((m) => m.month);
    expect((await raw(months)).collected).toBeGreaterThan(0);
    expect(stripped.concerns.collected).toBe(0);
    // One station's backfill stopped after its first concern: the next run goes on from the second.
    const { data: stations } = await counters.where({ _id: 'ws:ws-huishi' }).get();
    expect(stations).toHaveLength(1);
    await counters.where({ _id: 'ws:ws-huishi' }).update({ data: { monthsBackfill: _.set({ read: 1, months: {} }) } });
    const first = await fire();
    expect(first.data.months).toMatchObject({ left: 0 });
    expect(first.data.months.counted).toBeGreaterThan(1);
    const concerns = await all<RawConcern & { _id: string }>('concerns', { unitPath: 'u-baiyin' });
    const [skipped] = concerns
      .filter((c) => c.workstationId === 'ws-huishi')
      .sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt) || (a._id < b._id ? -1 : 1));
    const view = await staff.ok('org.dashboard', {});
    const truth = await raw(months);
    expect(view.months).toEqual(
      countRaw(
        concerns.filter((c) => c !== skipped),
        months,
      ).months,
    );
    // Counted again from scratch (no progress kept), every figure equals the records'.
    await counters.where({ _id: 'ws:ws-huishi' }).update({ data: { monthsCountedAt: _.remove() } });
    await fire();
    const healed = await staff.ok('org.dashboard', {});
    expect(healed.months).toEqual(truth.months);
    expect(Object.fromEntries(healed.categories.map((c) => [c.category, c.collected]))).toEqual(truth.categories);
    expect(healed.concerns).toMatchObject({
      collected: truth.collected,
      answered: truth.answered,
      onTime: truth.onTime,
      ratingCount: truth.ratingCount,
    });
    // Idempotent: a second run counts nothing and moves nothing.
    const again = await fire();
    expect(again.data.months).toEqual({ counted: 0, left: 0 });
    expect(await staff.ok('org.dashboard', {})).toEqual(healed);
  });
});
