/**
 * 履职考核 through the real function and the emulator: each indicator counted again here from the
 * raw records and compared with the function's answer, the scope, the weights and their preview.
 */
import type { MemberAssessment } from '@lxq/types';
import { readWorkbook } from '../liaisonXlsx';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

/* eslint-disable @typescript-eslint/no-explicit-any -- raw documents as stored */
type Raw = Record<string, any>;

function quarterOf(year: number, quarter: number) {
  const m = (k: number) => (k > 12 ? `${year + 1}-01-01` : `${year}-${String(k).padStart(2, '0')}-01`);
  const fromDate = m((quarter - 1) * 3 + 1);
  const toDate = m(quarter * 3 + 1);
  return { fromDate, toDate, start: new Date(`${fromDate}T00:00:00+08:00`), end: new Date(`${toDate}T00:00:00+08:00`) };
}

/** The China year of an instant (reports count in the year of their first submission). */
const inChinaYear = (ms: number) => new Date(ms + 8 * 3_600_000).getUTCFullYear();

async function all(collection: string, where: object): Promise<Raw[]> {
  const out: Raw[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await sys.db.collection(collection).where(where).skip(skip).limit(1000).get();
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

const lines = (res: { groups: { members: MemberAssessment[] }[] }) => {
  const byId = new Map<string, MemberAssessment>();
  for (const g of res.groups) for (const m of g.members) byId.set(m.userId, m);
  return byId;
};

describe('assessment.members', () => {
  test('when staff ask for the quarter, then every indicator of every member equals what the raw records say', async () => {
    const _ = sys.db.command;
    const members = await all('users', { unitPath: 'u-huining', roles: 'member' });
    const first = await sys.as(WHO.huiningStaff).ok('assessment.members', {});
    const { year, quarter } = first;
    const q = quarterOf(year, quarter!);
    // Concerns assigned to a member: two first answered this quarter (one late, one rated 4),
    // one answered before the quarter began (not counted).
    const who = members[0];
    const assigned = (n: number, repliedAt: Date, replyDueAt: Date, score: number | null) => ({
      _id: `concern-assess-${n}`,
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      workstationId: 'ws-huishi',
      workstationName: '会师镇委员工作站',
      category: '民生',
      title: '考核测试',
      text: '考核测试',
      status: 'replied',
      createdAt: new Date(repliedAt.getTime() - 86_400_000),
      updatedAt: repliedAt,
      assignee: { kind: 'member', id: who._id, name: who.name },
      assigneeOpenid: who.openid,
      firstRepliedAt: repliedAt,
      replyDueAt,
      acceptDueAt: null,
      rating: score ? { score, comment: '', at: repliedAt } : null,
    });
    const inQ = new Date(q.start.getTime() + 2 * 86_400_000);
    await sys.db.collection('concerns').add({
      data: [
        assigned(1, inQ, new Date(inQ.getTime() + 86_400_000), 4),
        assigned(2, inQ, new Date(inQ.getTime() - 3_600_000), null),
        assigned(3, new Date(q.start.getTime() - 86_400_000), q.start, 5),
      ],
    });

    // A topic the member is responsible for and one where they recorded a step; a report first
    // submitted this quarter (adopted by the county and the city, with a 批示) and one before it; a
    // proposal filed this quarter and a draft.
    const path = ['u-gansu', 'u-baiyin', 'u-huining'];
    const topic = (n: number, extra: Raw) => ({
      _id: `topic-assess-${n}`,
      unitId: 'u-huining',
      unitPath: path,
      workstationIds: ['ws-huishi'],
      form: 'micro',
      step: 'publicity',
      responsible: [],
      records: [],
      createdAt: inQ,
      updatedAt: inQ,
      ...extra,
    });
    await sys.db.collection('topics').add({
      data: [
        topic(1, { responsible: [{ userId: who._id, name: who.name, openid: who.openid }] }),
        topic(2, {
          step: 'research',
          responsible: [{ userId: who._id, name: who.name, openid: who.openid }],
          records: [{ step: 'collect', kind: 'record', text: '走访', by: who._id, byName: who.name, at: inQ }],
        }),
      ],
    });
    // 协商议事 and 议前调研 (topic_participation): signed in on time and late, missed one, closed a
    // research task this quarter; a task still open and one closed before the quarter do not count.
    const part = (n: number, kind: string, countedAt: Date | null, extra: Raw) => ({
      _id: `part-assess-${n}`,
      kind,
      topicId: 'topic-assess-2',
      topicTitle: '考核测试',
      unitPath: path,
      userId: who._id,
      openid: who.openid,
      name: who.name,
      countedAt,
      createdAt: inQ,
      ...extra,
    });
    const ended = { closesAt: new Date(inQ.getTime() + 3 * 3_600_000) };
    await sys.db.collection('topic_participation').add({
      data: [
        part(1, 'meeting', inQ, { ...ended, outcome: 'on_time' }),
        part(2, 'meeting', inQ, { ...ended, outcome: 'late' }),
        part(3, 'meeting', inQ, { ...ended, outcome: 'pending' }),
        part(4, 'research', inQ, { status: 'done', doneAt: inQ }),
        part(5, 'research', null, { status: 'open', doneAt: null }),
        part(6, 'research', new Date(q.start.getTime() - 3_600_000), { status: 'done' }),
      ],
    });
    const report = (n: number, submittedAt: Date, extra: Raw = {}) => ({
      _id: `report-assess-${n}`,
      status: 'submitted',
      authorId: who._id,
      authorOpenid: who.openid,
      authorName: who.name,
      unitId: 'u-huining',
      unitPath: path,
      adoptedLevels: [],
      instructions: [],
      year,
      submittedAt,
      createdAt: submittedAt,
      updatedAt: submittedAt,
      ...extra,
    });
    await sys.db.collection('reports').add({
      data: [
        report(1, inQ, { status: 'adopted', adoptedLevels: ['county', 'city'], instructions: [{ level: 'city' }] }),
        report(2, new Date(q.start.getTime() - 3_600_000), { year: inChinaYear(q.start.getTime() - 3_600_000) }),
      ],
    });
    const proposal = (n: number, status: string, submittedAt: Date | null) => ({
      _id: `proposal-assess-${n}`,
      unitId: 'u-huining',
      unitPath: path,
      proposerId: who._id,
      proposerName: who.name,
      status,
      submittedAt,
      year: submittedAt ? year : null,
      createdAt: inQ,
      updatedAt: inQ,
    });
    await sys.db.collection('proposals').add({ data: [proposal(1, 'filed', inQ), proposal(2, 'draft', null)] });

    const res = await sys.as(WHO.huiningStaff).ok('assessment.members', {});
    const got = lines(res);
    expect(got.size).toBe(members.length);

    const liaison = await all('liaison_records', { unitPath: 'u-huining', date: _.gte(q.start).and(_.lt(q.end)) });
    const shifts = await all('shifts', { unitPath: 'u-huining', date: _.gte(q.fromDate).and(_.lt(q.toDate)) });
    const concerns = await all('concerns', {
      unitPath: 'u-huining',
      firstRepliedAt: _.gte(q.start).and(_.lt(q.end)),
    });
    const receptions = await all('receptions', { unitPath: 'u-huining', date: _.gte(q.fromDate).and(_.lt(q.toDate)) });
    const topics = await all('topics', { unitPath: 'u-huining', createdAt: _.gte(q.start).and(_.lt(q.end)) });
    const parts = await all('topic_participation', {
      unitPath: 'u-huining',
      countedAt: _.gte(q.start).and(_.lt(q.end)),
    });
    const reports = await all('reports', {
      unitPath: 'u-huining',
      year,
      submittedAt: _.gte(q.start).and(_.lt(q.end)),
    });
    const proposals = (
      await all('proposals', { unitPath: 'u-huining', year, submittedAt: _.gte(q.start).and(_.lt(q.end)) })
    ).filter((p) => p.status !== 'draft');

    let nonZero = 0;
    for (const m of members) {
      const mine = liaison.filter((r) => r.memberId === m._id);
      const outcomes = shifts
        .filter((s) => s.status === 'scheduled')
        .flatMap((s) => s.members.filter((x: Raw) => x.userId === m._id).map((x: Raw) => x.outcome));
      const answered = concerns.filter((c) => c.assignee?.kind === 'member' && c.assignee.id === m._id);
      const rated = answered.filter((c) => c.rating?.score);
      const rec = receptions.filter((r) => r.memberId === m._id);
      const joined = topics.filter(
        (t) => t.responsible.some((p: Raw) => p.userId === m._id) || t.records.some((r: Raw) => r.by === m._id),
      );
      const took = parts.filter((p) => p.userId === m._id);
      const met = took.filter((p) => p.kind === 'meeting');
      const wrote = reports.filter((r) => r.authorId === m._id);
      const adoptedAt = (level: string) => wrote.filter((r) => r.adoptedLevels.includes(level)).length;
      const proposed = proposals.filter((p) => p.proposerId === m._id);
      const expected = {
        'liaison.activities': mine.length,
        'liaison.personTimes': mine.reduce((n, r) => n + r.personTimes, 0),
        'duty.attended': outcomes.filter((o) => o === 'on_time' || o === 'late').length,
        'duty.late': outcomes.filter((o) => o === 'late').length,
        'duty.absent': outcomes.filter((o) => o === 'absent').length,
        'duty.leave': outcomes.filter((o) => o === 'leave').length,
        'concern.answered': answered.length,
        'concern.onTime': answered.filter((c) => !c.replyDueAt || c.firstRepliedAt <= c.replyDueAt).length,
        'concern.rating': rated.length
          ? Math.round((rated.reduce((n, c) => n + c.rating.score, 0) / rated.length) * 100) / 100
          : 0,
        'reception.count': rec.length,
        'reception.people': rec.reduce((n, r) => n + r.people, 0),
        'topic.participated': joined.length,
        'topic.meetings': met.filter((p) => p.outcome === 'on_time' || p.outcome === 'late').length,
        'topic.meetingAbsent': met.filter((p) => p.outcome === 'pending' && p.closesAt <= new Date()).length,
        'topic.research': took.filter((p) => p.kind === 'research' && p.status === 'done').length,
        'report.submitted': wrote.length,
        'report.adopted': wrote.filter((r) => r.adoptedLevels.length > 0).length,
        'report.county': adoptedAt('county'),
        'report.city': adoptedAt('city'),
        'report.province': adoptedAt('province'),
        'report.national': adoptedAt('national'),
        'report.instructed': wrote.filter((r) => r.instructions.length > 0).length,
        'proposal.submitted': proposed.length,
        'proposal.filed': proposed.filter((p) =>
          ['filed', 'assigned', 'answered', 'rehandling', 'closed'].includes(p.status),
        ).length,
      };
      expect({ name: m.name, ...got.get(m._id)!.figures }).toEqual({ name: m.name, ...expected });
      if (Object.values(expected).some((v) => v > 0)) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
    expect(got.get(who._id)!.figures).toMatchObject({
      'concern.answered': 2,
      'concern.onTime': 1,
      'concern.rating': 4,
    });
    // The records added above count for `who` (with whatever the seed gives them).
    const mine = got.get(who._id)!.figures;
    expect(mine['topic.participated']).toBeGreaterThanOrEqual(2);
    expect(mine).toMatchObject({ 'topic.meetings': 2, 'topic.meetingAbsent': 1, 'topic.research': 1 });
    expect(mine['report.submitted']).toBeGreaterThanOrEqual(1);
    expect(mine['report.city']).toBeGreaterThanOrEqual(1);
    expect(mine['report.instructed']).toBeGreaterThanOrEqual(1);
    expect(mine['proposal.filed']).toBeGreaterThanOrEqual(1);
  });

  test('when the subtree has more report authors and proposers than one count groups, then every member asked still gets all of theirs', async () => {
    const _ = sys.db.command;
    const staff = sys.as(WHO.huiningStaff);
    const members = await all('users', { unitPath: 'u-huining', roles: 'member' });
    const { year, quarter } = await staff.ok('assessment.members', {});
    const q = quarterOf(year, quarter!);
    const inQ = new Date(q.start.getTime() + 3 * 86_400_000);
    const path = ['u-gansu', 'u-baiyin', 'u-huining'];
    const writers = members.slice(1, 5);
    await sys.db.collection('reports').add({
      data: writers.map((m, i) => ({
        _id: `report-cap-${i}`,
        status: 'adopted',
        authorId: m._id,
        authorOpenid: m.openid,
        authorName: m.name,
        unitId: 'u-huining',
        unitPath: path,
        adoptedLevels: i % 2 ? ['province'] : ['county'],
        instructions: [],
        year,
        submittedAt: inQ,
        createdAt: inQ,
        updatedAt: inQ,
      })),
    });
    await sys.db.collection('proposals').add({
      data: writers.map((m, i) => ({
        _id: `proposal-cap-${i}`,
        unitId: 'u-huining',
        unitPath: path,
        proposerId: m._id,
        proposerName: m.name,
        status: i % 2 ? 'filed' : 'submitted',
        submittedAt: inQ,
        year,
        createdAt: inQ,
        updatedAt: inQ,
      })),
    });
    const whole = await staff.ok('report.figures', { year });
    expect(whole.byMember.length).toBeGreaterThan(1);
    // Each count may group one author or proposer: the subtree-wide figures stop there, the
    // assessment (asking for its members only) must not.
    process.env.LXQ_REPORT_COUNT_MAX_AUTHORS = '1';
    process.env.LXQ_PROPOSAL_COUNT_MAX_PROPOSERS = '1';
    try {
      expect((await staff.ok('report.figures', { year })).byMember).toHaveLength(1);
      const got = lines(await staff.ok('assessment.members', {}));
      const reports = await all('reports', {
        unitPath: 'u-huining',
        year,
        submittedAt: _.gte(q.start).and(_.lt(q.end)),
      });
      const proposals = (
        await all('proposals', { unitPath: 'u-huining', year, submittedAt: _.gte(q.start).and(_.lt(q.end)) })
      ).filter((p) => p.status !== 'draft');
      for (const m of members) {
        const wrote = reports.filter((r) => r.authorId === m._id);
        const proposed = proposals.filter((p) => p.proposerId === m._id);
        const f = got.get(m._id)!.figures;
        expect({
          name: m.name,
          submitted: f['report.submitted'],
          province: f['report.province'],
          county: f['report.county'],
          proposals: f['proposal.submitted'],
          filed: f['proposal.filed'],
        }).toEqual({
          name: m.name,
          submitted: wrote.length,
          province: wrote.filter((r) => r.adoptedLevels.includes('province')).length,
          county: wrote.filter((r) => r.adoptedLevels.includes('county')).length,
          proposals: proposed.length,
          filed: proposed.filter((p) => ['filed', 'assigned', 'answered', 'rehandling', 'closed'].includes(p.status))
            .length,
        });
      }
      expect(writers.every((m) => got.get(m._id)!.figures['report.submitted'] >= 1)).toBe(true);
      expect(writers.every((m) => got.get(m._id)!.figures['proposal.submitted'] >= 1)).toBe(true);
    } finally {
      delete process.env.LXQ_REPORT_COUNT_MAX_AUTHORS;
      delete process.env.LXQ_PROPOSAL_COUNT_MAX_PROPOSERS;
    }
  });

  test('when the score is shown, then it is the sum of figure × weight written beside it, and the sector ranks follow it', async () => {
    const res = await sys.as(WHO.huiningStaff).ok('assessment.members', {});
    for (const g of res.groups) {
      for (const m of g.members) {
        const sum = res.indicators.reduce((n, i) => n + (m.figures[i.key] ?? 0) * (res.weights[i.key] ?? 0), 0);
        expect(m.score).toBeCloseTo(sum, 2);
        expect(m.rule.endsWith(`= ${m.score}`) || (m.score === 0 && m.rule === '各项计分指标均为 0，得分 0')).toBe(
          true,
        );
      }
      const scores = g.members.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(g.members[0].sectorRank).toBe(1);
    }
    // Who falls short of a liaison quota is marked with what is missing.
    const short = [...lines(res).values()].filter((m) => m.shortfalls.length);
    expect(res.behindCount).toBe(short.length);
  });

  test('when a county clerk, the city clerk or a member ask, then each sees their own subtree or is refused', async () => {
    const county = await sys.as(WHO.huiningStaff).ok('assessment.members', {});
    const city = await sys.as(WHO.cityStaff).ok('assessment.members', {});
    const huining = await all('users', { unitPath: 'u-huining', roles: 'member' });
    const baiyin = await all('users', { unitPath: 'u-baiyin', roles: 'member' });
    expect(county.total).toBe(huining.length);
    expect(city.total).toBe(baiyin.length);
    const ids = new Set(huining.map((u) => u._id));
    expect([...lines(county).keys()].every((id) => ids.has(id))).toBe(true);
    const jingyuan = await sys.as(WHO.jingyuanStaff).ok('assessment.members', {});
    expect([...lines(jingyuan).keys()].some((id) => ids.has(id))).toBe(false);
    for (const who of [WHO.member, WHO.citizen]) {
      const res = await sys.as(who).call('assessment.members', {});
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('when the city groups by committee, then each committee lists the members of its sectors', async () => {
    const res = await sys.as(WHO.cityStaff).ok('assessment.members', { groupBy: 'committee' });
    const committees = await all('committees', { unitId: 'u-baiyin' });
    const names = res.groups.map((g) => g.name);
    expect(names.some((n) => committees.some((c) => c.name === n))).toBe(true);
    for (const g of res.groups.filter((x) => x.name !== '未归口专委会')) {
      const c = committees.find((x) => x.name === g.name)!;
      expect(g.members.every((m) => m.sectorId && c.sectorIds.includes(m.sectorId))).toBe(true);
    }
  });

  test('when a county whose sectors no committee takes asks by committee, then it is listed by sector', async () => {
    const res = await sys.as(WHO.huiningStaff).ok('assessment.members', { groupBy: 'committee' });
    expect(res.groups.map((g) => g.name)).not.toContain('未归口专委会');
    expect(res.groups.every((g) => g.members.every((m) => m.sectorName === g.name))).toBe(true);
  });

  test('when a period not yet begun is asked for, then a clear message comes back', async () => {
    const res = await sys.as(WHO.cityStaff).call('assessment.members', { year: 2099, quarter: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '该时段尚未开始' } });
  });
});

describe('assessment weights', () => {
  test('when weights are tried, then the quarter is ranked under them and nothing is stored; saved, they apply', async () => {
    const jingyuan = sys.as(WHO.jingyuanStaff);
    const before = await jingyuan.ok('assessment.settings', {});
    // The demo gives the city its own weights: the county follows them until it saves its own.
    expect(before.from).toBe('ancestor');
    const tried = Object.fromEntries(before.memberIndicators.map((i) => [i.key, 0]));
    tried['liaison.activities'] = 10;
    const preview = await jingyuan.ok('assessment.members', { weights: tried });
    for (const m of lines(preview).values()) expect(m.score).toBe(m.figures['liaison.activities'] * 10);
    expect((await jingyuan.ok('assessment.settings', {})).from).toBe('ancestor');

    await jingyuan.ok('assessment.saveSettings', { memberWeights: tried, stationWeights: {} });
    const after = await jingyuan.ok('assessment.settings', {});
    expect(after).toMatchObject({ from: 'own', memberWeights: tried });
    const live = await jingyuan.ok('assessment.members', {});
    expect(live.weights).toEqual(tried);
    const { data: audit } = await sys.db.collection('audit').where({ target: 'assessment_settings/u-jingyuan' }).get();
    expect(audit).toHaveLength(1);
    // The city's staff still see their own: a county's weights do not climb up the tree.
    const city = await sys.as(WHO.cityStaff).ok('assessment.settings', {});
    expect(city.from).toBe('own');
    expect(city.memberWeights).not.toEqual(tried);
  });

  test('when a weight is not a number in range or names no indicator, then a clear message comes back and nothing changes', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const before = await staff.ok('assessment.settings', {});
    const bad = await staff.call('assessment.saveSettings', {
      memberWeights: { 'liaison.activities': 500 },
      stationWeights: {},
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '权重应在 −100 到 100 之间' } });
    const unknown = await staff.call('assessment.saveSettings', {
      memberWeights: { 'topic.joined': 1 },
      stationWeights: {},
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '没有名为 topic.joined 的考核指标' },
    });
    expect(await staff.ok('assessment.settings', {})).toEqual(before);
  });

  test('when the same save is retried, then it is stored and audited once', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const requestId = newRequestId();
    const input = { memberWeights: { 'duty.absent': -8 }, stationWeights: { 'duty.missed': -4 } };
    await staff.ok('assessment.saveSettings', input, requestId);
    await staff.ok('assessment.saveSettings', input, requestId);
    const { data: audit } = await sys.db.collection('audit').where({ target: 'assessment_settings/u-huining' }).get();
    expect(audit).toHaveLength(1);
  });
});

describe('assessment.stations', () => {
  test('when staff rank the workstations for the year, then each figure equals what the raw records say, ranked by score', async () => {
    const _ = sys.db.command;
    // A 界别协商 held at a station: a consultation it held, but not a 小微协商.
    await sys.db.collection('topics').add({
      data: {
        _id: 'topic-assess-sector-held',
        unitId: 'u-huining',
        unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
        workstationIds: ['ws-huishi'],
        form: 'sector',
        step: 'decision',
        responsible: [],
        records: [],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const res = await sys.as(WHO.huiningStaff).ok('assessment.stations', {});
    expect(res.quarter).toBeNull();
    const year = res.year;
    const start = new Date(`${year}-01-01T00:00:00+08:00`);
    const end = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const now = new Date();
    const stations = await all('workstations', { unitPath: 'u-huining' });
    expect(res.items.map((i) => i.workstationId).sort()).toEqual(stations.map((s) => s._id).sort());
    const shifts = (
      await all('shifts', { unitPath: 'u-huining', date: _.gte(`${year}-01-01`).and(_.lt(`${year + 1}-01-01`)) })
    ).filter((s) => s.status === 'scheduled');
    const receptions = await all('receptions', {
      unitPath: 'u-huining',
      date: _.gte(`${year}-01-01`).and(_.lt(`${year + 1}-01-01`)),
    });
    const collected = await all('concerns', { unitPath: 'u-huining', createdAt: _.gte(start).and(_.lt(end)) });
    const answered = await all('concerns', { unitPath: 'u-huining', firstRepliedAt: _.gte(start).and(_.lt(end)) });
    const held = (await all('topics', { unitPath: 'u-huining', createdAt: _.gte(start).and(_.lt(end)) })).filter((t) =>
      ['publicity', 'decision', 'implement'].includes(t.step),
    );
    for (const item of res.items) {
      const mine = shifts.filter((s) => s.workstationId === item.workstationId);
      const present = new Set(
        mine.flatMap((s) =>
          s.members.filter((m: Raw) => m.outcome === 'on_time' || m.outcome === 'late').map((m: Raw) => m.userId),
        ),
      );
      const ans = answered.filter((c) => c.workstationId === item.workstationId);
      const due = (c: Raw) => (c.status === 'rejected' ? c.acceptDueAt : c.replyDueAt);
      const rated = ans.filter((c) => c.rating?.score);
      const rec = receptions.filter((r) => r.workstationId === item.workstationId);
      expect({ name: item.name, ...item.figures }).toEqual({
        name: item.name,
        'duty.planned': mine.length,
        'duty.covered': mine.filter((s) => s.signedInCount > 0).length,
        'duty.missed': mine.filter((s) => s.signedInCount === 0 && s.end <= now).length,
        'duty.members': present.size,
        'reception.count': rec.length,
        'reception.people': rec.reduce((n, r) => n + r.people, 0),
        'concern.collected': collected.filter((c) => c.workstationId === item.workstationId).length,
        'concern.answered': ans.length,
        'concern.onTime': ans.filter((c) => !due(c) || c.firstRepliedAt <= due(c)).length,
        'concern.rating': rated.length
          ? Math.round((rated.reduce((n, c) => n + c.rating.score, 0) / rated.length) * 100) / 100
          : 0,
        'topic.held': held.filter(
          (t) => t.workstationIds.includes(item.workstationId) && ['micro', 'courtyard'].includes(t.form),
        ).length,
        'topic.heldAll': held.filter((t) => t.workstationIds.includes(item.workstationId)).length,
      });
    }
    expect(res.items.some((i) => i.figures['duty.planned'] > 0)).toBe(true);
    expect(res.items.some((i) => i.figures['topic.held'] > 0)).toBe(true);
    // 小微协商 counts only the small forms: a station's other consultations are counted apart.
    expect(res.items.some((i) => i.figures['topic.heldAll'] > i.figures['topic.held'])).toBe(true);
    const scores = res.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.items[0].rank).toBe(1);
    // The export is the same ranking.
    const file = await sys.as(WHO.huiningStaff).ok('assessment.exportStations', {});
    const sheet = Object.values(readWorkbook(new Uint8Array(await (await fetch(file.url)).arrayBuffer())))[0];
    expect(sheet[0].slice(0, 3)).toEqual(['名次', '工作站', '得分']);
    expect(sheet.slice(1, 1 + res.items.length).map((r) => [r[0], r[1], r[2]])).toEqual(
      res.items.map((i) => [i.rank, i.name, i.score]),
    );
    // The city sees its whole subtree; a member is refused.
    const city = await sys.as(WHO.cityStaff).ok('assessment.stations', {});
    expect(city.items.length).toBeGreaterThan(res.items.length);
    expect(await sys.as(WHO.member).call('assessment.stations', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
