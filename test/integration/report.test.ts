/**
 * 社情民意信息 (issue 15) through the real report function: a 会宁 member drafts from a concern
 * assigned to them and their own liaison record, the county desk returns it, adopts it and sends
 * it up, 白银市 adopts it with a 批示; the citizen behind the concern sees only the phrase and the
 * status. Each role and scope is tried on the way, illegal moves change nothing, retries store once.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readWorkbook } from '../liaisonXlsx';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const MEMBER = 'o_member_31';
const OTHER_MEMBER = 'o_member_32';
const CITIZEN = 'o_c_report';
const PHONE = '13912345678';

const stored = async (id: string) => (await sys.db.collection('reports').doc(id).get()).data;
const reportsBy = async (openid: string) =>
  (await sys.db.collection('reports').where({ authorOpenid: openid }).count()).total as number;

/** A citizen's concern at 会师镇, accepted and assigned to the 会宁 member. */
async function assignedConcern(): Promise<string> {
  const { _id } = await sys.as(CITIZEN).ok('concern.submit', {
    workstationId: 'ws-huishi',
    category: '交通出行',
    title: '东关村到县城班车太少',
    text: `我们东关村到县城每天只有两班车，看病办事很不方便，我家在东关村3号楼，电话${PHONE}。`,
    consent: true,
  });
  const staff = sys.as(WHO.huiningStaff);
  await staff.ok('concern.accept', { id: _id });
  await staff.ok('concern.assign', { id: _id, target: { kind: 'member', id: 'user-m31' } });
  return _id;
}

const body = {
  title: '关于增加东关村至县城客运班次的建议',
  situation: '东关村群众反映，村里到县城每天只有两班车，群众看病、办事很不方便。',
  problems: '一是班次少；二是末班车时间早，群众办完事赶不上车。',
  suggestions: '建议交通运输部门增加班次，研究开通城乡公交，方便群众出行。',
  reporter: '会宁县政协委员',
};

let concernId = '';
let reportId = '';

test('when a member picks from what they may see, then a draft is prefilled in the official layout with the citizen’s data removed', async () => {
  concernId = await assignedConcern();
  const member = sys.as(MEMBER);
  const sources = await member.ok('report.sources', {});
  expect(sources.concerns.map((c) => c._id)).toContain(concernId);
  expect(sources.records.map((r) => r._id)).toContain('lr-m31-01');
  // Another member does not see it to pick, and cannot name it.
  expect((await sys.as(OTHER_MEMBER).ok('report.sources', {})).concerns.map((c) => c._id)).not.toContain(concernId);
  const othersBefore = await reportsBy(OTHER_MEMBER);
  const refused = await sys.as(OTHER_MEMBER).call('report.create', { concernIds: [concernId] });
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { concernIds: expect.any(String) } },
  });
  expect(await reportsBy(OTHER_MEMBER)).toBe(othersBefore);

  const requestId = newRequestId();
  const input = { concernIds: [concernId], liaisonIds: ['lr-m31-01'] };
  const mineBefore = await reportsBy(MEMBER);
  const first = await member.ok('report.create', input, requestId);
  expect(await member.ok('report.create', input, requestId)).toEqual(first);
  expect(await reportsBy(MEMBER)).toBe(mineBefore + 1);
  reportId = first._id;

  const doc = await stored(reportId);
  expect(doc).toMatchObject({ status: 'draft', unitId: 'u-huining', atUnitId: 'u-huining', concernIds: [concernId] });
  expect(doc.title).toContain('东关村到县城班车太少');
  expect(doc.situation).toContain('看病办事很不方便');
  expect(doc.situation).not.toContain(PHONE);
  expect(doc.situation).not.toContain('3号楼');
  for (const part of ['problems', 'suggestions', 'reporter']) expect(doc[part].length).toBeGreaterThan(1);

  // A draft is the author's: the citizen's concern shows nothing of it yet.
  expect((await sys.as(CITIZEN).ok('concern.get', { id: concernId })).links).toEqual([]);
});

test('when the author edits, then risky text is refused on its field and the rest is saved', async () => {
  const member = sys.as(MEMBER);
  const risky = await member.call('report.save', {
    id: reportId,
    ...body,
    suggestions: '你们这帮王八蛋，路灯坏了这么久都没人管，赶紧去死吧。',
  });
  expect(risky).toMatchObject({
    ok: false,
    error: { code: 'CONTENT_RISKY', fields: { suggestions: expect.any(String) } },
  });
  expect((await stored(reportId)).suggestions).not.toContain('王八蛋');
  const short = await member.call('report.save', { id: reportId, ...body, problems: '太少' });
  expect(short).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { problems: '存在问题至少 10 个字' } },
  });
  expect(await member.ok('report.save', { id: reportId, ...body })).toEqual({ status: 'draft' });
  expect(await stored(reportId)).toMatchObject(body);
});

test('when others reach for the draft, then a citizen, another member and another county learn nothing', async () => {
  for (const who of [CITIZEN, OTHER_MEMBER, WHO.jingyuanStaff]) {
    expect(await sys.as(who).call('report.get', { id: reportId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await sys.as(who).call('report.submit', { id: reportId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  }
  // A citizen cannot draft, not even from their own concern: nothing is stored.
  const byCitizen = await sys.as(CITIZEN).call('report.create', { concernIds: [concernId] });
  expect(byCitizen).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(await reportsBy(CITIZEN)).toBe(0);
  // The county desk has nothing to decide before it is submitted.
  const early = await sys
    .as(WHO.huiningStaff)
    .call('report.decide', { id: reportId, action: 'adopt', publication: '《会宁政协信息》', issue: '第 9 期' });
  expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect((await stored(reportId)).status).toBe('draft');
});

test('when the author submits, then the county desk has it waiting, the citizen sees the phrase, and a second submit changes nothing', async () => {
  const member = sys.as(MEMBER);
  expect(await member.ok('report.submit', { id: reportId })).toEqual({ status: 'submitted' });
  const before = await stored(reportId);
  const again = await member.call('report.submit', { id: reportId });
  expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect(await stored(reportId)).toEqual(before);

  const pending = await sys.as(WHO.huiningStaff).ok('report.list', { box: 'pending' });
  expect(pending.items.map((r) => r._id)).toContain(reportId);
  expect((await sys.as(WHO.cityStaff).ok('report.list', { box: 'pending' })).items.map((r) => r._id)).not.toContain(
    reportId,
  );
  expect((await sys.as(WHO.jingyuanStaff).ok('report.list', { box: 'all' })).items.map((r) => r._id)).not.toContain(
    reportId,
  );

  const view = await sys.as(CITIZEN).ok('concern.get', { id: concernId });
  expect(view.links).toEqual([{ kind: 'report', refId: '', title: '已形成社情民意信息', status: '已报送' }]);
  expect(JSON.stringify(view)).not.toContain(body.title);
  // Staff of the concern see which report it is.
  const asStaff = await sys.as(WHO.huiningStaff).ok('concern.get', { id: concernId });
  expect(asStaff.links).toEqual([{ kind: 'report', refId: reportId, title: body.title, status: '待审核' }]);
});

test('when the desk returns it with comments, then the author reads them, edits and resubmits; the city may not decide for the county', async () => {
  const city = await sys.as(WHO.cityStaff).call('report.decide', { id: reportId, action: 'return', note: '越级' });
  expect(city).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const noReason = await sys.as(WHO.huiningStaff).call('report.decide', { id: reportId, action: 'return' });
  expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { note: '请填写退回修改意见' } } });
  await sys.as(WHO.huiningStaff).ok('report.decide', { id: reportId, action: 'return', note: '请补充班次的具体数字' });

  const member = sys.as(MEMBER);
  const view = await member.ok('report.get', { id: reportId });
  expect(view.status).toBe('returned');
  expect(view.decisions.at(-1)).toMatchObject({
    action: 'return',
    note: '请补充班次的具体数字',
    unitName: '政协会宁县委员会',
  });
  expect(view.can).toMatchObject({ edit: true, submit: true, adopt: false });
  // The comment is for the author: the citizen's concern shows a status, never the words.
  expect(JSON.stringify(await sys.as(CITIZEN).ok('concern.get', { id: concernId }))).not.toContain('具体数字');
  const inbox = await member.ok('account.listInbox', {});
  expect(inbox.items.some((i) => i.title.includes('被退回修改'))).toBe(true);

  await member.ok('report.save', { id: reportId, ...body, situation: `${body.situation}目前每天仅 2 班。` });
  await member.ok('report.submit', { id: reportId });
  expect((await stored(reportId)).status).toBe('submitted');
});

test('when the county adopts and forwards and the city adopts with a 批示, then each decision is kept and everyone is told', async () => {
  const county = sys.as(WHO.huiningStaff);
  // The desk edits before deciding.
  await county.ok('report.save', { id: reportId, ...body, title: '关于增加东关村至县城客运班次的建议（县政协编）' });
  await county.ok('report.decide', {
    id: reportId,
    action: 'adopt',
    publication: '《会宁政协信息》',
    issue: '第 8 期',
  });
  const requestId = newRequestId();
  const forwarded = await county.ok(
    'report.decide',
    { id: reportId, action: 'forward', note: '建议市级采用' },
    requestId,
  );
  expect(forwarded).toEqual({ status: 'submitted', atUnitName: '政协白银市委员会' });
  // A retry is answered the same and forwards nothing twice.
  expect(
    await county.ok('report.decide', { id: reportId, action: 'forward', note: '建议市级采用' }, requestId),
  ).toEqual(forwarded);
  expect((await stored(reportId)).decisions.filter((d: { action: string }) => d.action === 'forward')).toHaveLength(1);
  // The county no longer holds it.
  expect(await county.call('report.decide', { id: reportId, action: 'reject', note: '不再处理' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  const city = sys.as(WHO.cityStaff);
  expect((await city.ok('report.list', { box: 'pending' })).items.map((r) => r._id)).toContain(reportId);
  const badAdopt = await city.call('report.decide', { id: reportId, action: 'adopt', publication: '《社情民意》' });
  expect(badAdopt).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { issue: expect.any(String) } } });
  const early = await city.call('report.instruct', {
    id: reportId,
    position: '市委副书记',
    date: '2026-11-20',
    text: '请研究',
  });
  expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  await city.ok('report.decide', { id: reportId, action: 'adopt', publication: '《社情民意》', issue: '第 12 期' });
  expect(
    await city.ok('report.instruct', {
      id: reportId,
      position: '市委副书记',
      date: '2026-11-20',
      text: '请市交通运输局研究落实。',
    }),
  ).toEqual({ instructions: 1 });

  const doc = await stored(reportId);
  expect(doc.adoptedLevels.sort()).toEqual(['city', 'county']);
  expect(doc.instructions[0]).toMatchObject({
    level: 'city',
    position: '市委副书记',
    leaderName: null,
    date: '2026-11-20',
  });
  const view = await sys.as(MEMBER).ok('report.get', { id: reportId });
  expect(view.decisions.map((d) => d.action)).toEqual(['submit', 'return', 'submit', 'adopt', 'forward', 'adopt']);
  expect(view.decisions.at(-1)).toMatchObject({
    unitName: '政协白银市委员会',
    publication: '《社情民意》',
    issue: '第 12 期',
  });
  expect(view.instructions[0]).toMatchObject({ level: '市级', position: '市委副书记', leaderName: '' });
  const titles = (await sys.as(MEMBER).ok('account.listInbox', {})).items.map((i) => i.title);
  expect(titles).toEqual(expect.arrayContaining(['社情民意信息已被采用', '社情民意信息获市委副书记批示']));

  // 我的诉求 shows 有新进展 until the citizen opens it.
  expect((await sys.db.collection('concerns').doc(concernId).get()).data.submitterUnread).toBe(true);
  const citizen = await sys.as(CITIZEN).ok('concern.get', { id: concernId });
  expect(citizen.links).toEqual([
    { kind: 'report', refId: '', title: '已形成社情民意信息', status: '已采用，获领导批示' },
  ]);
  expect(citizen.timeline.at(-1)).toMatchObject({ byName: '工作人员', note: '已形成社情民意信息，并获领导批示' });
  expect(JSON.stringify(citizen)).not.toMatch(/市委副书记|第 12 期|请补充/);
  const audit = await sys.db
    .collection('audit')
    .where({ target: `reports/${reportId}` })
    .count();
  expect(audit.total).toBeGreaterThanOrEqual(10);
});

test('when the top of the tree is reached, then it cannot be forwarded further and nothing changes', async () => {
  const city = sys.as(WHO.cityStaff);
  await sys.db.collection('users').add({
    data: {
      _id: 'user-staff-gansu',
      openid: 'o_staff_gansu',
      name: '省政协信息处',
      roles: ['staff'],
      unitId: 'u-gansu',
      unitPath: ['u-gansu'],
      createdAt: new Date(),
    },
  });
  await city.ok('report.decide', { id: reportId, action: 'forward' });
  const before = await stored(reportId);
  const top = await sys.as('o_staff_gansu').call('report.decide', { id: reportId, action: 'forward' });
  expect(top).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining('最高一级') },
  });
  expect(await stored(reportId)).toEqual(before);
  await sys.as('o_staff_gansu').ok('report.decide', { id: reportId, action: 'reject', note: '省级已有同类信息' });
  expect((await stored(reportId)).status).toBe('rejected');
  expect(
    await sys
      .as('o_staff_gansu')
      .call('report.decide', { id: reportId, action: 'adopt', publication: 'x', issue: 'y' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE' },
  });
});

test('when the year is counted, then the county and the city see submitted, adopted by level and 批示 per member, sector and unit', async () => {
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const county = await sys.as(WHO.huiningStaff).ok('report.figures', { year });
  const mine = county.byMember.find((m) => m.key === 'user-m31');
  expect(mine).toMatchObject({
    submitted: expect.any(Number),
    adopted: expect.any(Number),
    instructed: expect.any(Number),
  });
  expect(mine!.submitted).toBeGreaterThanOrEqual(1);
  expect(county.adoptedByLevel.city).toBeGreaterThanOrEqual(1);
  expect(county.byUnit.map((u) => u.name)).toEqual(['政协会宁县委员会']);
  expect(county.bySector.length).toBeGreaterThan(0);
  const jingyuan = await sys.as(WHO.jingyuanStaff).ok('report.figures', { year });
  expect(jingyuan).toMatchObject({ submitted: 0, adopted: 0 });
});

test('when a report is exported, then the .docx opens as a Word package with the title and body; the list exports as Excel', async () => {
  const { url, fileName } = await sys.as(MEMBER).ok('report.export', { id: reportId });
  expect(fileName).toMatch(/\.docx$/);
  const parts = unzipSync(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  expect(Object.keys(parts)).toEqual(
    expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/footer1.xml']),
  );
  const doc = strFromU8(parts['word/document.xml']);
  for (const s of [
    '关于增加东关村至县城客运班次的建议',
    '一、基本情况',
    '二、存在问题',
    '三、意见建议',
    '仿宋_GB2312',
    '《社情民意》第 12 期',
    '市委副书记',
  ])
    expect(doc).toContain(s);
  expect(await sys.as(CITIZEN).call('report.export', { id: reportId })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });

  const list = await sys.as(WHO.huiningStaff).ok('report.exportList', { box: 'all' });
  expect(list.rows).toBeGreaterThanOrEqual(6);
  const book = readWorkbook(new Uint8Array(await (await fetch(list.url)).arrayBuffer()));
  expect(JSON.stringify(book)).toContain('关于增加东关村至县城客运班次的建议');
  expect(JSON.stringify(book)).toContain('按委员');
});
