/**
 * Freezing a quarter through the real function and the emulator: the snapshot no longer moves,
 * a late record counts in the quarter it was entered, two freezes store one snapshot, an admin
 * reopens with a reason (audited), the frozen list exports and reads back.
 */
import { SNAPSHOT_PAGE, type MemberAssessment } from '@lxq/types';
import { planFault, tripsSoFar } from '../../emulator/db/faults';
import { quarterBefore } from '../../scripts/seed/assessment';
import { readWorkbook } from '../liaisonXlsx';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const lines = (res: { groups: { members: MemberAssessment[] }[] }) => {
  const byId = new Map<string, MemberAssessment>();
  for (const g of res.groups) for (const m of g.members) byId.set(m.userId, m);
  return byId;
};

/** The China quarter n quarters before now's (the demo froze the one two back). */
const back = (n: number) => quarterBefore(new Date(), n);
const snapshotOf = async (id: string) =>
  (await sys.db.collection('assessment_snapshots').where({ _id: id }).get()).data[0];

/** Every stored page of a snapshot, as the database holds them. */
async function pagesOf(id: string) {
  const out: { _id: string; n: number; members: MemberAssessment[] }[] = [];
  for (let skip = 0; ; skip += 100) {
    const { data } = await sys.db
      .collection('assessment_snapshot_pages')
      .where({ snapshotId: id })
      .skip(skip)
      .limit(100)
      .get();
    out.push(...(data as typeof out));
    if (data.length < 100) return out;
  }
}

type Staff = ReturnType<System['as']>;
type List = { groups: { name: string; members: MemberAssessment[] }[] };
/** A list's lines in its order, each with its group, as the screen's table rows. */
const rowsOf = (res: List) => res.groups.flatMap((g) => g.members.map((m) => ({ group: g.name, ...m })));

/**
 * A frozen quarter asked page by page: with its snapshot pages taken away (so nothing can come
 * from them), each page, filtered or not, equals that slice of the whole list counted live.
 */
async function pagedAsWhole(
  staff: Staff,
  period: { year: number; quarter: number },
  id: string,
  live: List,
  members: number,
) {
  const whole = rowsOf(live);
  const pages = sys.db.collection('assessment_snapshot_pages');
  const stored = (await pages.where({ snapshotId: id }).get()).data;
  await pages.where({ snapshotId: id }).remove();
  try {
    const last = Math.ceil(members / 50);
    for (const page of [1, 2, last]) {
      const got = await staff.ok('assessment.members', { ...period, page, pageSize: 50 });
      expect(got.snapshot?.status).toBe('frozen');
      expect(rowsOf(got)).toEqual(whole.slice((page - 1) * 50, page * 50));
      expect(got).toMatchObject({ total: members, behindCount: whole.filter((r) => r.shortfalls.length).length });
    }
    const sector = whole[whole.length - 1].sectorName;
    const ofSector = whole.filter((r) => r.sectorName === sector);
    const sectorPage = await staff.ok('assessment.members', { ...period, sector, page: 2, pageSize: 3 });
    expect(rowsOf(sectorPage)).toEqual(ofSector.slice(3, 6));
    expect(sectorPage.total).toBe(ofSector.length);
    const behind = whole.filter((r) => r.shortfalls.length > 0);
    expect(behind.length).toBeGreaterThan(10);
    for (const page of [1, 2]) {
      const got = await staff.ok('assessment.members', { ...period, short: true, page, pageSize: 7 });
      expect(rowsOf(got)).toEqual(behind.slice((page - 1) * 7, page * 7));
      expect(got.total).toBe(behind.length);
    }
    const bad = await staff.call('assessment.members', { ...period, page: 0, pageSize: 500 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/页码无效|每页条数/) },
    });

    // The export job reads it chunk by chunk the same way: the workbook is the list, as filtered.
    const cells = (r: (typeof whole)[number]) => [
      r.group,
      `${r.sectorRank}/${r.sectorSize}`,
      r.name,
      r.sectorName,
      r.score,
    ];
    for (const [filter, want] of [
      [{}, whole],
      [{ short: true }, behind],
    ] as const) {
      let job = await staff.ok('exportJob.start', { kind: 'assessment', assessment: { ...period, ...filter } });
      while (job.status === 'running') job = await staff.ok('exportJob.status', { id: job._id });
      expect(job).toMatchObject({ status: 'done', total: want.length, done: want.length });
      const sheet = Object.values(readWorkbook(new Uint8Array(await (await fetch(job.url!)).arrayBuffer())))[0];
      expect(sheet[0].slice(0, 5)).toEqual(['界别', '界别内排名', '委员', '界别', '得分']);
      expect(sheet.slice(1).map((r) => r.slice(0, 5))).toEqual(want.map(cells));
    }
    const noQuarter = await staff.call('exportJob.start', { kind: 'assessment' });
    expect(noQuarter).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请先选择要导出的季度' } });
    const live = await staff.call('exportJob.start', { kind: 'assessment', assessment: back(0) });
    expect(live).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('尚未冻结') },
    });
  } finally {
    await pages.add({ data: stored });
  }
}

describe('assessment.freeze', () => {
  const past = back(1);
  const id = `u-baiyin_${past.year}_Q${past.quarter}`;

  test("when the demo is loaded, then the quarter before last is frozen under the city's weights, ranked, and a member's 成绩单 shows theirs", async () => {
    const seeded = back(2);
    const staff = sys.as(WHO.cityStaff);
    const settings = await staff.ok('assessment.settings', {});
    expect(settings.from).toBe('own');
    const shown = await staff.ok('assessment.members', seeded);
    expect(shown.snapshot).toMatchObject({ status: 'frozen', frozenByName: '王晓梅' });
    const first = await staff.ok('assessment.members', { ...seeded, page: 1, pageSize: 20 });
    expect(rowsOf(first)).toEqual(rowsOf(shown).slice(0, 20));
    expect(shown.weights).toEqual(settings.memberWeights);
    const members = (await sys.db.collection('users').where({ unitPath: 'u-baiyin', roles: 'member' }).count()).total;
    expect(shown.total).toBe(members);
    const all = [...lines(shown).values()];
    expect(all.some((m) => m.score > 0)).toBe(true);
    for (const g of shown.groups) {
      const first = Math.max(...g.members.map((m) => m.score));
      expect(g.members.filter((m) => m.sectorRank === 1).every((m) => m.score === first)).toBe(true);
    }
    const me = await sys.as(WHO.member).ok('account.me', {});
    const card = await sys.as(WHO.member).ok('liaison.scorecard', seeded);
    const mine = lines(shown).get(me.userId!)!;
    expect(card.assessment).toMatchObject({
      score: mine.score,
      sectorRank: mine.sectorRank,
      sectorSize: mine.sectorSize,
    });
    // The quarters after it: last one waits for a freeze, the current one runs live.
    expect((await staff.ok('assessment.members', past)).snapshot).toBeNull();
    expect((await staff.ok('assessment.members', {})).snapshot).toBeNull();
  });

  test('when the current quarter is frozen, then it is refused: it has not ended', async () => {
    const now = await sys.as(WHO.cityStaff).ok('assessment.members', {});
    expect(now.freezable).toBe(false);
    const res = await sys.as(WHO.cityStaff).call('assessment.freeze', { year: now.year, quarter: now.quarter! });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(res.ok ? '' : res.error.message).toContain('尚未结束');
  });

  test('when two clerks freeze the same quarter at once, then one snapshot is stored and the other is told', async () => {
    const [a, b] = await Promise.all([
      sys.as(WHO.cityStaff).call('assessment.freeze', past),
      sys.as(WHO.admin).call('assessment.freeze', past),
    ]);
    const oks = [a, b].filter((r) => r.ok);
    expect(oks).toHaveLength(1);
    const loser = [a, b].find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const stored = await sys.db
      .collection('assessment_snapshots')
      .where({ unitId: 'u-baiyin', ...past })
      .get();
    expect(stored.data).toHaveLength(1);
    const members = (await sys.db.collection('users').where({ unitPath: 'u-baiyin', roles: 'member' }).count()).total;
    expect(stored.data[0]).toMatchObject({ _id: id, status: 'frozen', year: past.year, quarter: past.quarter });
    expect(stored.data[0].memberCount).toBe(members);
    expect((await pagesOf(id)).flatMap((p) => p.members)).toHaveLength(members);
    const results = await sys.db.collection('assessment_results').where({ snapshotId: id }).count();
    expect(results.total).toBe(members);
    const audit = await sys.db
      .collection('audit')
      .where({ target: `assessment_snapshots/${id}` })
      .get();
    expect(audit.data).toHaveLength(1);
    // Frozen again: refused, nothing added.
    const again = await sys.as(WHO.cityStaff).call('assessment.freeze', past);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('已冻结') },
    });
  });

  test('when the quarter is frozen, then the member sees their own score and sector rank on the 成绩单, and only theirs', async () => {
    const me = await sys.as(WHO.member).ok('account.me', {});
    const card = await sys.as(WHO.member).ok('liaison.scorecard', past);
    const line = lines(await sys.as(WHO.cityStaff).ok('assessment.members', past)).get(me.userId!)!;
    expect(card.assessment).toEqual({
      year: past.year,
      quarter: past.quarter,
      score: line.score,
      rule: line.rule,
      sectorName: line.sectorName,
      sectorRank: line.sectorRank,
      sectorSize: line.sectorSize,
    });
    // The running quarter is not frozen: nothing to show yet.
    expect((await sys.as(WHO.member).ok('liaison.scorecard', {})).assessment).toBeNull();
  });

  test('when a record dated in the frozen quarter arrives late, then the frozen figures stay and it counts in the quarter it was entered', async () => {
    const staff = sys.as(WHO.cityStaff);
    const frozenBefore = await staff.ok('assessment.members', past);
    expect(frozenBefore.snapshot).toMatchObject({ status: 'frozen', frozenByName: expect.any(String) });
    const currentBefore = await staff.ok('assessment.members', {});
    const me = await sys.as(WHO.member).ok('account.me', {});
    const memberId = me.userId!;

    // The last day of the frozen quarter, China time.
    const lastDay = new Date(Date.UTC(past.year, past.quarter * 3, 1) - 86_400_000).toISOString().slice(0, 10);
    await sys.as(WHO.member).ok('liaison.log', {
      date: lastDay,
      channel: 'face',
      place: '补录测试社区',
      personTimes: 7,
      summary: '季度结束后补录的一次联系活动。',
    });

    const frozenAfter = await staff.ok('assessment.members', past);
    expect(lines(frozenAfter).get(memberId)).toEqual(lines(frozenBefore).get(memberId));
    const before = lines(currentBefore).get(memberId)!.figures;
    const after = lines(await staff.ok('assessment.members', {})).get(memberId)!.figures;
    expect(after['liaison.activities']).toBe(before['liaison.activities'] + 1);
    expect(after['liaison.personTimes']).toBe(before['liaison.personTimes'] + 7);
  });

  test('when the frozen quarter is exported, then the workbook holds the snapshot, as on screen', async () => {
    const staff = sys.as(WHO.cityStaff);
    const shown = await staff.ok('assessment.members', past);
    const file = await staff.ok('assessment.export', past);
    expect(file.frozen).toBe(true);
    const book = readWorkbook(new Uint8Array(await (await fetch(file.url)).arrayBuffer()));
    const sheet = Object.values(book)[0];
    expect(sheet[0].slice(0, 5)).toEqual(['界别', '界别内排名', '委员', '界别', '得分']);
    const rows = sheet.slice(1).filter((r) => r.length > 5);
    expect(rows).toHaveLength(shown.total);
    const all = [...lines(shown).values()];
    for (const r of rows) {
      const m = all.find((x) => x.name === r[2] && x.sectorName === r[3])!;
      expect(r[4]).toBe(m.score);
      expect(r[1]).toBe(`${m.sectorRank}/${m.sectorSize}`);
    }
    expect(String(sheet[sheet.length - 1][0])).toContain('已冻结');
  });

  test('when staff try to reopen, or an admin gives no reason, then nothing changes; an admin with a reason reopens it, audited', async () => {
    const staff = await sys.as(WHO.cityStaff).call('assessment.reopen', { ...past, reason: '补录迟到的记录' });
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await sys.as(WHO.admin).call('assessment.reopen', { ...past, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await snapshotOf(id)).status).toBe('frozen');

    await sys.as(WHO.admin).ok('assessment.reopen', { ...past, reason: '补录迟到的记录' });
    expect(await snapshotOf(id)).toMatchObject({ status: 'reopened', reopenReason: '补录迟到的记录' });
    expect((await sys.db.collection('assessment_results').where({ snapshotId: id }).count()).total).toBe(0);
    expect(await pagesOf(id)).toHaveLength(0);
    const audit = await sys.db
      .collection('audit')
      .where({ target: `assessment_snapshots/${id}` })
      .get();
    expect(audit.data.map((a: { after: { status: string } }) => a.after.status).sort()).toEqual(['frozen', 'reopened']);
    const shown = await sys.as(WHO.cityStaff).ok('assessment.members', past);
    expect(shown.snapshot).toMatchObject({ status: 'reopened', reopenReason: '补录迟到的记录' });
    expect(shown.freezable).toBe(true);
    // Reopened twice: refused.
    const twice = await sys.as(WHO.admin).call('assessment.reopen', { ...past, reason: '补录迟到的记录' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // Frozen anew: the late record is now inside it (counted by its date).
    await sys.as(WHO.cityStaff).ok('assessment.freeze', past);
    // Each freeze claims the quarter, then marks it frozen: two versions each, one for the reopen.
    expect(await snapshotOf(id)).toMatchObject({ status: 'frozen', version: 5 });
  });

  test('when a county clerk freezes, then the county snapshot is theirs and the city list is not frozen by it', async () => {
    const older = back(3);
    await sys.as(WHO.huiningStaff).ok('assessment.freeze', older);
    expect((await sys.as(WHO.huiningStaff).ok('assessment.members', older)).snapshot?.status).toBe('frozen');
    expect((await sys.as(WHO.cityStaff).ok('assessment.members', older)).snapshot).toBeNull();
    expect((await sys.as(WHO.jingyuanStaff).ok('assessment.members', older)).snapshot).toBeNull();
  });

  test('when a city of more members than a page holds is frozen, then every member is in exactly one page, a died freeze is finished by the next, and a reopen removes the pages', async () => {
    const { year, quarter } = back(4);
    const big = `u-baiyin_${year}_Q${quarter}`;
    const { data: sample } = await sys.db
      .collection('users')
      .where({ unitPath: 'u-baiyin', roles: 'member' })
      .limit(100)
      .get();
    const sectors = [...new Set(sample.map((u: { sectorId?: string }) => u.sectorId).filter(Boolean))];
    const extra = Array.from({ length: 2 * SNAPSHOT_PAGE + 37 }, (_, i) => ({
      _id: `user-gen-${i}`,
      openid: `o_gen_${i}`,
      name: `生成委员${i}`,
      roles: ['member'],
      unitId: 'u-baiyin',
      unitPath: ['u-baiyin'],
      sectorId: sectors[i % sectors.length],
      createdAt: new Date(),
      phone: null,
    }));
    for (let i = 0; i < extra.length; i += 100) await sys.db.collection('users').add({ data: extra.slice(i, i + 100) });
    const members = (await sys.db.collection('users').where({ unitPath: 'u-baiyin', roles: 'member' }).count()).total;

    // A freeze that died after its claim and part of its pages (one from an earlier, larger freeze too).
    // While its claim is fresh, another freeze is told to wait.
    const claimedAt = new Date();
    await sys.db.collection('assessment_snapshots').add({
      data: {
        _id: big,
        unitId: 'u-baiyin',
        unitPath: ['u-baiyin'],
        year,
        quarter,
        status: 'freezing',
        weights: {},
        pages: 0,
        memberCount: 0,
        claimedAt,
        frozenAt: claimedAt,
        frozenBy: 'user-admin',
        frozenByName: '陈志刚',
        reopenedAt: null,
        reopenedByName: null,
        reopenReason: null,
        version: 1,
      },
    });
    await sys.db.collection('assessment_snapshot_pages').add({
      data: [
        { _id: `${big}_p0`, snapshotId: big, n: 0, members: sample.slice(0, 3) },
        { _id: `${big}_p9`, snapshotId: big, n: 9, members: sample.slice(0, 3) },
      ],
    });
    // Meanwhile the quarter counts live.
    expect((await sys.as(WHO.cityStaff).ok('assessment.members', { year, quarter })).snapshot).toBeNull();
    const early = await sys.as(WHO.cityStaff).call('assessment.freeze', { year, quarter });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('正在冻结') },
    });
    const lapsed = new Date(Date.now() - 10 * 60_000);
    await sys.db
      .collection('assessment_snapshots')
      .where({ _id: big })
      .update({ data: { claimedAt: lapsed } });

    const res = await sys.as(WHO.cityStaff).ok('assessment.freeze', { year, quarter });
    expect(res.members).toBe(members);
    const pages = await pagesOf(big);
    expect(pages.map((p) => p.n).sort((a, b) => a - b)).toEqual(
      [0, 1, 2, 3].slice(0, Math.ceil(members / SNAPSHOT_PAGE)),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(JSON.stringify(p).length).toBeLessThan(1_000_000);
    const ids = pages.flatMap((p) => p.members.map((m) => m.userId));
    expect(ids).toHaveLength(members);
    expect(new Set(ids).size).toBe(members);
    expect(await snapshotOf(big)).toMatchObject({ status: 'frozen', pages: pages.length, memberCount: members });
    expect((await sys.db.collection('assessment_results').where({ snapshotId: big }).count()).total).toBe(members);

    // Read back: the list and the export hold every member once; the 成绩单 is within its budget.
    const shown = await sys.as(WHO.cityStaff).ok('assessment.members', { year, quarter });
    expect(shown.total).toBe(members);
    expect(lines(shown).size).toBe(members);
    const file = await sys.as(WHO.cityStaff).ok('assessment.export', { year, quarter });
    expect(file.rows).toBe(members);
    const trips = sys.emulator.database.roundTrips;
    const card = await sys.as('o_gen_5').ok('liaison.scorecard', { year, quarter });
    expect(sys.emulator.database.roundTrips - trips).toBeLessThanOrEqual(4);
    expect(card.assessment).toMatchObject({ year, quarter, score: lines(shown).get('user-gen-5')!.score });

    await sys.as(WHO.admin).ok('assessment.reopen', { year, quarter, reason: '核对生成的名单' });
    expect(await pagesOf(big)).toHaveLength(0);
    expect((await sys.db.collection('assessment_results').where({ snapshotId: big }).count()).total).toBe(0);
  });

  test('when a county of more members than one run counts is frozen, then it runs on run by run showing its progress, a run killed midway is resumed by the timer, and the frozen figures equal the live count', async () => {
    const JY = ['u-gansu', 'u-baiyin', 'u-jingyuan'];
    const staff = sys.as(WHO.jingyuanStaff);
    const { data: sample } = await sys.db.collection('users').where({ unitPath: 'u-jingyuan', roles: 'member' }).get();
    const sectors = [...new Set(sample.map((u: { sectorId?: string }) => u.sectorId).filter(Boolean))];
    const extra = Array.from({ length: 120 }, (_, i) => ({
      _id: `user-jy-${String(i).padStart(3, '0')}`,
      openid: `o_jy_${i}`,
      name: `靖远委员${i}`,
      roles: ['member'],
      unitId: 'u-jingyuan',
      unitPath: JY,
      sectorId: sectors[i % sectors.length] ?? null,
      createdAt: new Date(),
      phone: null,
    }));
    await sys.db.collection('users').add({ data: extra });
    const [a, b] = [back(1), back(2)];
    // Activities in both quarters, so the members' scores and their ranks differ.
    const records = [a, b].flatMap((q) =>
      extra.flatMap((u, i) =>
        Array.from({ length: i % 4 }, (_, k) => ({
          _id: `liaison-jy-${q.quarter}-${i}-${k}`,
          memberId: u._id,
          memberName: u.name,
          unitId: 'u-jingyuan',
          unitPath: JY,
          date: new Date(Date.UTC(q.year, (q.quarter - 1) * 3, 10 + k)),
          channel: 'face',
          place: '测试社区',
          personTimes: 1 + (i % 7),
          summary: '分批冻结测试',
          createdAt: new Date(Date.UTC(q.year, (q.quarter - 1) * 3, 10 + k)),
        })),
      ),
    );
    await sys.db.collection('liaison_records').add({ data: records });
    const members = (await sys.db.collection('users').where({ unitPath: 'u-jingyuan', roles: 'member' }).count()).total;
    expect(members).toBeGreaterThan(2 * 50);
    /** Waits for the chain to mark the quarter frozen, noting each progress figure stored on the way. */
    const frozen = async (id: string, seen: number[]) => {
      for (const until = Date.now() + 30_000; Date.now() < until;) {
        const snap = await snapshotOf(id);
        if (snap.status === 'frozen') return;
        seen.push(snap.progress.done);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('冻结未在时限内完成');
    };

    // Quarter A: the call counts its first 50 and answers; the chain runs the rest, run after run.
    const tiny = await staff.call('assessment.freeze', { ...a, perRun: 5 });
    expect(tiny).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('50–2000') },
    });
    const liveListA = await staff.ok('assessment.members', a);
    const liveA = lines(liveListA);
    planFault({ fn: 'assessment', n: 0, when: 'before' });
    const first = await staff.ok('assessment.freeze', { ...a, perRun: 50 });
    const trips = tripsSoFar();
    planFault(null);
    expect(first).toMatchObject({ status: 'freezing', done: 50, members });
    const idA = `u-jingyuan_${a.year}_Q${a.quarter}`;
    const seenA: number[] = [];
    await frozen(idA, seenA);
    expect([...seenA].sort((x, y) => x - y)).toEqual(seenA);
    const shownA = await staff.ok('assessment.members', a);
    const pagesA = await pagesOf(idA);
    // One page per run of 50: at least three runs counted the county.
    expect(pagesA.length).toBe(Math.ceil(members / 50));
    expect(pagesA.every((p) => p.members.length <= 50)).toBe(true);
    expect(await snapshotOf(idA)).toMatchObject({ status: 'frozen', memberCount: members, progress: null });
    expect(lines(shownA)).toEqual(liveA);
    expect(shownA.total).toBe(members);
    await pagedAsWhole(staff, a, idA, liveListA, members);
    expect((await sys.db.collection('assessment_results').where({ snapshotId: idA }).count()).total).toBe(members);
    const card = await sys.as('o_jy_7').ok('liaison.scorecard', a);
    expect(card.assessment).toMatchObject({
      score: liveA.get('user-jy-007')!.score,
      sectorRank: liveA.get('user-jy-007')!.sectorRank,
    });

    // Quarter B: the worker dies near the end of its first run; the list shows how far it got.
    const liveB = lines(await staff.ok('assessment.members', b));
    const requestId = newRequestId();
    planFault({ fn: 'assessment', n: trips - 3, when: 'kill' });
    const died = await staff.call('assessment.freeze', { ...b, perRun: 50 }, requestId).catch((e: Error) => e);
    expect(planFault(null)).toBe(true);
    expect(died).toBeInstanceOf(Error);
    const idB = `u-jingyuan_${b.year}_Q${b.quarter}`;
    const dead = await snapshotOf(idB);
    expect(dead).toMatchObject({ status: 'freezing', progress: { total: members } });
    const { done } = dead.progress;
    expect([0, 50]).toContain(done);
    const stalled = await staff.ok('assessment.members', b);
    expect(stalled).toMatchObject({ snapshot: null, freezing: { done, total: members } });
    const other = await sys.as(WHO.jingyuanStaff).call('assessment.freeze', b);
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining(`已冻结 ${done} / ${members} 名委员`) },
    });
    // Its lease passes; the minute timer takes the freeze on and the chain finishes it.
    await sys.db
      .collection('assessment_snapshots')
      .where({ _id: idB })
      .update({ data: { leaseUntil: new Date(Date.now() - 1000) } });
    await sys.emulator.fireTimer('assessment', 'freezeWork');
    await frozen(idB, []);
    const shownB = await staff.ok('assessment.members', b);
    expect(lines(shownB)).toEqual(liveB);
    expect((await pagesOf(idB)).flatMap((p) => p.members.map((m) => m.userId)).sort()).toEqual(
      [...liveB.keys()].sort(),
    );
    // The clerk's retried call answers as the freeze it started.
    expect(await staff.ok('assessment.freeze', { ...b, perRun: 50 }, requestId)).toMatchObject({
      status: 'frozen',
      members,
    });
  }, 60_000);
});
