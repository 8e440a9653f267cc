/**
 * Consultation topics (issue 14) through the real topic function and the emulator: raised from
 * concerns at two stations, screened, confirmed, walked through the eight steps with the three
 * lists, results told to the citizens on their concerns; scope per role; the daily follow-up.
 */
import type { ActionInput } from '@lxq/types';
import { DEFAULT_MAY_CONSULT, DEFAULT_MAY_NOT_CONSULT } from '@lxq/types';
import { newRequestId, startSystem, WHO, type System } from './system';

// The daily follow-up walks its backlog in pages of 2 here, so a handful of topics spans several.
process.env.LXQ_REMIND_PAGE = '2';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const staff = () => sys.as(WHO.huiningStaff);
const stored = async (id: string) => (await sys.db.collection('topics').doc(id).get()).data;
const count = async () => (await sys.db.collection('topics').where({ unitPath: 'u-gansu' }).count()).total;
const about = {
  title: '会师镇老旧小区停车难',
  background: '老旧小区车位不足，居民车辆停放混乱，消防通道经常被占用。',
  form: 'micro',
} as const;

/** The citizen allows one more 诉求办理进度 message in WeChat (each allowance is one send). */
const subscribe = (openid: string) =>
  fetch(`${sys.emulator.url}/__cloud/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, templateIds: ['TPL_CONCERN_STATUS'], result: 'accept' }),
  });

/** A citizen files a concern at a station and 会宁 staff accept it. */
async function acceptedConcern(citizen: string, workstationId: string, title: string) {
  await sys
    .as(citizen)
    .ok('account.recordSubscriptions', { answers: [{ template: 'concernStatus', answer: 'accept' }] });
  const { _id } = await sys.as(citizen).ok('concern.submit', {
    workstationId,
    category: '交通出行',
    title,
    text: '小区里车位太少，晚上回来经常没有地方停车，消防通道也被占了。',
    consent: true,
  } as ActionInput<'concern.submit'>);
  await staff().ok('concern.accept', { id: _id });
  return _id;
}

describe('topic.create', () => {
  test('when staff raise a topic, then it is stored at 议题收集 in their unit, with a first record, and audited', async () => {
    const { _id } = await staff().ok('topic.create', { ...about, source: 'party', workstationIds: ['ws-huishi'] });
    expect(await stored(_id)).toMatchObject({
      source: 'party',
      step: 'collect',
      unitId: 'u-huining',
      workstationIds: ['ws-huishi'],
      responsible: [{ userId: 'user-staff-huining', name: '杨振华' }],
      records: [{ step: 'collect', kind: 'record', byName: '杨振华' }],
    });
    const { data: audit } = await sys.db
      .collection('audit')
      .where({ target: `topics/${_id}` })
      .get();
    expect(audit).toHaveLength(1);
  });

  test('when the same request arrives twice, then it is stored once and answered the same', async () => {
    const before = await count();
    const requestId = newRequestId();
    const input = { ...about, source: 'online' as const };
    const first = await staff().ok('topic.create', input, requestId);
    expect(await staff().ok('topic.create', input, requestId)).toEqual(first);
    expect(await count()).toBe(before + 1);
  });

  test('when the title is empty or a station is another county’s, then a clear message comes back and nothing is stored', async () => {
    const before = await count();
    const empty = await staff().call('topic.create', { ...about, title: ' ', source: 'party' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { title: '请填写议题名称' } } });
    const foreign = await staff().call('topic.create', {
      ...about,
      source: 'party',
      workstationIds: ['ws-agri-jingyuan'],
    });
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'workstationIds.0': '所选工作站不存在或不在本单位' } },
    });
    expect(await count()).toBe(before);
  });

  test('when the background is abusive, then it is refused as the content check says and nothing is stored', async () => {
    const before = await count();
    const res = await staff().call('topic.create', {
      ...about,
      source: 'party',
      background: '楼上邻居天天在阳台上大声讲下流段子，孩子都听得到，请管一管。',
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', fields: { background: expect.any(String) } },
    });
    expect(await count()).toBe(before);
  });

  test('when a citizen or a member calls, then they are refused and nothing is stored', async () => {
    const before = await count();
    for (const who of [WHO.citizen, WHO.member]) {
      const res = await sys.as(who).call('topic.create', { ...about, source: 'party' });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await count()).toBe(before);
  });
});

describe('scope', () => {
  test('when each role lists topics, then the county sees its own, the city its subtree, others are refused', async () => {
    const huining = await staff().ok('topic.list', { pageSize: 50 });
    expect(huining.items.map((t) => t._id)).toContain('topic-demo-1');
    expect(huining.items.every((t) => t.unitId === 'u-huining')).toBe(true);
    const city = await sys.as(WHO.cityStaff).ok('topic.list', { pageSize: 50 });
    expect(city.total).toBeGreaterThanOrEqual(huining.total);
    expect(city.items.map((t) => t._id)).toContain('topic-demo-1');
    const jingyuan = await sys.as(WHO.jingyuanStaff).ok('topic.list', {});
    expect(jingyuan.items.map((t) => t._id)).not.toContain('topic-demo-1');
    expect(await sys.as(WHO.jingyuanStaff).call('topic.get', { id: 'topic-demo-1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const who of [WHO.citizen, WHO.member]) {
      expect(await sys.as(who).call('topic.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('when filtered by step or source, then only those come back', async () => {
    const at = await staff().ok('topic.list', { step: 'implement' });
    expect(at.items.length).toBeGreaterThan(0);
    expect(at.items.every((t) => t.step === 'implement')).toBe(true);
    const from = await staff().ok('topic.list', { source: 'member' });
    expect(from.items.every((t) => t.source === 'member')).toBe(true);
  });
});

describe('a topic from concerns at two stations, through the eight steps and the three lists', () => {
  let topicId = '';
  let concerns: string[] = [];
  const citizens = ['o_tp_citizen_1', 'o_tp_citizen_2'];

  test('when staff raise a topic from two concerns, then both are linked both ways and their submitters are told', async () => {
    concerns = [
      await acceptedConcern(citizens[0], 'ws-huishi', '西关小区停车难'),
      await acceptedConcern(citizens[1], 'ws-guochengyi', '镇上小区车位不够'),
    ];
    for (const c of citizens) await subscribe(c);
    const pushes = sys.emulator.outbox().length;
    const res = await staff().ok('topic.raiseFromConcerns', { ...about, concernIds: concerns });
    topicId = res._id;
    expect(res.linked).toBe(2);
    const t = await stored(topicId);
    expect(t).toMatchObject({ source: 'citizens', step: 'collect' });
    expect(t.workstationIds.sort()).toEqual(['ws-guochengyi', 'ws-huishi']);
    expect(t.concerns.map((c: { concernId: string }) => c.concernId)).toEqual(concerns);
    for (const [i, id] of concerns.entries()) {
      const view = await sys.as(citizens[i]).ok('concern.get', { id });
      expect(view.links).toEqual([{ kind: 'topic', refId: topicId, title: about.title, results: [], closed: false }]);
      const mine = await sys.as(citizens[i]).ok('concern.listMine', {});
      expect(mine.items.find((c) => c._id === id)).toBeTruthy();
    }
    const sent = sys.emulator.outbox().slice(pushes);
    expect(sent.map((m) => m.touser).sort()).toEqual([...citizens].sort());
  });

  test('when a concern is not yet accepted or is another county’s, then nothing is raised and nothing linked', async () => {
    const { _id: fresh } = await sys.as('o_tp_citizen_3').ok('concern.submit', {
      workstationId: 'ws-huishi',
      category: '民生',
      title: '路口信号灯时间太短',
      text: '学校门口路口的信号灯时间太短，孩子们过马路很危险。',
      consent: true,
    } as ActionInput<'concern.submit'>);
    const before = await count();
    const res = await staff().call('topic.raiseFromConcerns', { ...about, concernIds: [concerns[0], fresh] });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'concernIds.1': expect.stringContaining('尚未受理') } },
    });
    const other = await sys
      .as(WHO.jingyuanStaff)
      .call('topic.raiseFromConcerns', { ...about, concernIds: [concerns[0]] });
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'concernIds.0': '所选诉求不存在或不在本单位' } },
    });
    expect(await count()).toBe(before);
    expect((await sys.db.collection('concerns').doc(fresh).get()).data.links).toEqual([]);
  });

  test('when a step is skipped, then INVALID_STATE comes back and nothing is written', async () => {
    const before = await stored(topicId);
    for (const [action, input] of [
      ['topic.confirm', { id: topicId, body: '会师镇党委+政协委员', date: '2026-11-20' }],
      ['topic.suggest', { id: topicId, suggestions: ['增设停车位'] }],
      ['topic.result', { id: topicId, no: 1, text: '已增设停车位' }],
      ['topic.back', { id: topicId, reason: '退回测试' }],
    ] as const) {
      const res = await staff().call(action, input as never);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    }
    expect(await stored(topicId)).toEqual(before);
  });

  test('when screened against a may-not item, then it cannot be confirmed; screened clean, it is confirmed with body and date', async () => {
    await staff().ok('topic.advance', { id: topicId });
    const advanceAgain = await staff().call('topic.advance', { id: topicId });
    expect(advanceAgain).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '议题确定须先对照清单审查并确定议题' },
    });
    const bad = await staff().call('topic.screen', { id: topicId, may: ['不在清单里的事项'], mayNot: [] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      await staff().ok('topic.screen', {
        id: topicId,
        may: [DEFAULT_MAY_CONSULT[3]],
        mayNot: [DEFAULT_MAY_NOT_CONSULT[6]],
      }),
    ).toEqual({
      blocked: true,
    });
    const refused = await staff().call('topic.confirm', {
      id: topicId,
      body: '会师镇党委+政协委员+群众代表',
      date: '2026-11-20',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('不可协商') },
    });
    expect((await stored(topicId)).step).toBe('confirm');
    await staff().ok('topic.screen', { id: topicId, may: [DEFAULT_MAY_CONSULT[3]], mayNot: [] });
    expect(
      await staff().ok('topic.confirm', { id: topicId, body: '会师镇党委+政协委员+群众代表', date: '2026-11-20' }),
    ).toEqual({
      step: 'plan',
    });
    expect((await stored(topicId)).confirmation).toMatchObject({
      body: '会师镇党委+政协委员+群众代表',
      date: '2026-11-20',
    });
  });

  test('when moved back, then a reason is required and recorded, and the confirmation must be made again', async () => {
    const noReason = await staff().call('topic.back', { id: topicId, reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: '请填写退回原因' } } });
    expect(await staff().ok('topic.back', { id: topicId, reason: '参加人员需要调整' })).toEqual({ step: 'confirm' });
    const t = await stored(topicId);
    expect(t.confirmation).toBeNull();
    expect(t.records.at(-1)).toMatchObject({ step: 'plan', kind: 'back', text: '退回议题确定：参加人员需要调整' });
    await staff().ok('topic.confirm', { id: topicId, body: '会师镇党委+政协委员+群众代表', date: '2026-11-21' });
  });

  test('when a step records its work with an attachment, then the record keeps it; someone else’s file is refused', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'plan.pdf');
    form.append('cloudPath', `topic-files/${WHO.huiningStaff}/plan.pdf`);
    const up = await fetch(`${sys.emulator.url}/__cloud/upload`, {
      method: 'POST',
      headers: { 'X-WX-OPENID': WHO.huiningStaff },
      body: form,
    });
    const { fileID } = (await up.json()) as { fileID: string };
    const attachments = [{ fileId: fileID, name: '协商方案.pdf', kind: 'pdf' as const }];
    await staff().ok('topic.record', { id: topicId, text: '制定协商方案', attachments });
    const view = await staff().ok('topic.get', { id: topicId });
    expect(view.records.at(-1)).toMatchObject({
      step: 'plan',
      text: '制定协商方案',
      attachments: [{ name: '协商方案.pdf' }],
    });
    expect(view.records.at(-1)!.attachments[0].url).toMatch(/^http/);
    const foreign = await sys.as(WHO.cityStaff).call('topic.record', { id: topicId, text: '别人的文件', attachments });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('when the meeting agrees suggestions and the topic is published, then the public page shows the lists without names', async () => {
    expect(await sys.as(WHO.citizen).call('topic.publicGet', { id: topicId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await staff().ok('topic.advance', { id: topicId });
    await staff().ok('topic.advance', { id: topicId, text: '走访两个小区' });
    expect(await staff().call('topic.advance', { id: topicId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '请先整理协商建议清单' },
    });
    await staff().ok('topic.suggest', { id: topicId, suggestions: ['利用闲置空地增设停车位', '规范消防通道管理'] });
    expect(await staff().ok('topic.advance', { id: topicId })).toEqual({ step: 'publicity' });
    const pub = await sys.as(WHO.citizen).ok('topic.publicGet', { id: topicId });
    expect(pub.items.map((i) => i.suggestion)).toEqual(['利用闲置空地增设停车位', '规范消防通道管理']);
    expect(JSON.stringify(pub)).not.toMatch(/杨振华|o_tp_citizen|o_staff/);
    const listed = await sys.as(WHO.citizen).ok('topic.publicList', { workstationId: 'ws-guochengyi' });
    expect(listed.items.map((t) => t._id)).toContain(topicId);
  });

  test('when 组织决定 assigns every suggestion, then it moves to 跟踪落实 with the deciding body recorded', async () => {
    await staff().ok('topic.advance', { id: topicId });
    const assignment = {
      department: '会师镇人民政府',
      owner: '分管副镇长',
      outcome: '新增停车位 50 个',
      decidedBy: '会师镇党委会议',
    };
    await staff().ok('topic.assign', { id: topicId, no: 1, deadline: '2026-12-31', ...assignment });
    expect(await staff().call('topic.advance', { id: topicId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '第 2 条建议尚未落实责任单位' },
    });
    expect(
      await staff().call('topic.assign', { id: topicId, no: 9, deadline: '2026-12-31', ...assignment }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await staff().ok('topic.assign', {
      id: topicId,
      no: 2,
      deadline: '2020-01-31',
      ...assignment,
      department: '县消防救援大队',
    });
    expect(await staff().ok('topic.advance', { id: topicId })).toEqual({ step: 'implement' });
    expect((await stored(topicId)).items[1]).toMatchObject({
      department: '县消防救援大队',
      decidedBy: '会师镇党委会议',
    });
  });

  test('when the daily follow-up runs over more topics than a page, then every overdue item is flagged and every owner reminded once that day', async () => {
    // Three more topics at 跟踪落实 with the same overdue item, each with its own owner.
    const { _id: _drop, ...base } = await stored(topicId);
    const owners = ['o_tp_owner_1', 'o_tp_owner_2', 'o_tp_owner_3'];
    const late = owners.map((_o, k) => `${topicId}-late-${k + 1}`);
    for (const [k, id] of late.entries()) {
      await sys.db
        .collection('topics')
        .doc(id)
        .set({
          data: { ...base, responsible: [{ userId: `user-owner-${k}`, name: `负责人${k}`, openid: owners[k] }] },
        });
    }
    const run = async () =>
      (await sys.emulator.fireTimer('topic', 'dailyFollowUp')) as {
        ok: boolean;
        data: { topics: number; flagged: number; reminded: number };
      };
    const first = await run();
    expect(first.ok).toBe(true);
    expect(first.data.topics).toBeGreaterThan(2);
    for (const id of [topicId, ...late]) {
      const t = await stored(id);
      expect(t.items.map((i: { overdue?: boolean }) => !!i.overdue)).toEqual([false, true]);
      expect(t.remindedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const told = async (openid: string, refId: string) =>
      (await sys.db.collection('inbox').where({ openid }).limit(100).get()).data.filter(
        (i: { refId: string }) => i.refId === refId,
      );
    const mine = await told(WHO.huiningStaff, topicId);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toBe('协商议题有事项超期未反馈');
    for (const [k, id] of late.entries()) expect(await told(owners[k], id)).toHaveLength(1);
    // The same day again: every topic is marked reminded, so none is read and no one told twice.
    expect((await run()).data).toMatchObject({ topics: 0, flagged: 0, reminded: 0 });
    expect(await told(WHO.huiningStaff, topicId)).toHaveLength(1);
    for (const [k, id] of late.entries()) expect(await told(owners[k], id)).toHaveLength(1);
    for (const id of late) await sys.db.collection('topics').doc(id).remove();
  });

  test('when results are recorded, then each citizen sees them on their concern, and the last one closes the topic', async () => {
    await staff().ok('topic.progress', { id: topicId, no: 1, text: '已完成选址' });
    for (const c of citizens) await subscribe(c);
    const pushes = sys.emulator.outbox().length;
    const first = await staff().ok('topic.result', { id: topicId, no: 1, text: '已新增停车位 52 个' });
    expect(first).toMatchObject({ withResult: 1, closed: false, told: 2 });
    expect(sys.emulator.outbox().length - pushes).toBe(2);
    const twice = await staff().call('topic.result', { id: topicId, no: 1, text: '再次反馈' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const last = await staff().ok('topic.result', { id: topicId, no: 2, text: '消防通道已划线并设置警示牌' });
    expect(last).toMatchObject({ withResult: 2, closed: true });
    for (const [i, id] of concerns.entries()) {
      const view = await sys.as(citizens[i]).ok('concern.get', { id });
      expect(view.links[0]).toMatchObject({
        closed: true,
        results: [
          { no: 1, result: '已新增停车位 52 个' },
          { no: 2, result: '消防通道已划线并设置警示牌' },
        ],
      });
    }
    const closed = await staff().call('topic.record', { id: topicId, text: '办结后再记录', attachments: [] });
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('已办结') },
    });
    const pub = await sys.as(WHO.citizen).ok('topic.publicGet', { id: topicId });
    expect(pub).toMatchObject({ closed: true, items: [{ done: true }, { done: true }] });
  });

  test('when staff ask for the figures and the export, then they count this topic and its three lists', async () => {
    const f = await staff().ok('topic.figures', {});
    expect(f.bySource.citizens).toBeGreaterThanOrEqual(1);
    expect(f.solved).toBeGreaterThanOrEqual(1);
    expect(f.withResult).toBeGreaterThanOrEqual(2);
    expect(f.onTime).toBeGreaterThanOrEqual(1);
    const file = await staff().ok('topic.export', {});
    expect(file.fileName).toMatch(/^协商议题-.+\.xlsx$/);
    expect(file.rows).toBeGreaterThanOrEqual(2);
    const res = await fetch(file.url);
    expect(res.status).toBe(200);
  });
});

describe('委员荐题 and the unit’s lists', () => {
  test('when a member proposes a topic from their own liaison records, then it is stored as 委员荐题; another’s record is refused', async () => {
    const { data: user } = await sys.db.collection('users').where({ openid: WHO.member }).get();
    const { data: records } = await sys.db
      .collection('liaison_records')
      .where({ memberId: user[0]._id })
      .limit(2)
      .get();
    const { data: others } = await sys.db.collection('liaison_records').where({ memberId: 'user-m03' }).limit(1).get();
    const input = { ...about, title: '社区助老服务', liaisonRecordIds: [records[0]._id] };
    const { _id } = await sys.as(WHO.member).ok('topic.propose', input);
    expect(await stored(_id)).toMatchObject({ source: 'member', step: 'collect', liaisonRecordIds: [records[0]._id] });
    const before = await count();
    const res = await sys.as(WHO.member).call('topic.propose', { ...input, liaisonRecordIds: [others[0]._id] });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'liaisonRecordIds.0': '只能从您本人的联系记录推荐议题' } },
    });
    expect(await count()).toBe(before);
  });

  test('when a county has its own lists, then screening follows them', async () => {
    const lists = await staff().ok('topic.screeningLists', {});
    expect(lists.may).toHaveLength(10);
    expect(lists.mayNot).toHaveLength(7);
    await sys.as(WHO.jingyuanStaff).ok('topic.saveScreeningLists', { may: ['村级公益事业'], mayNot: ['个人私事'] });
    expect(await sys.as(WHO.jingyuanStaff).ok('topic.screeningLists', {})).toEqual({
      may: ['村级公益事业'],
      mayNot: ['个人私事'],
      custom: true,
    });
    expect((await staff().ok('topic.screeningLists', {})).may).toHaveLength(10);
  });
});
