/**
 * 提案 end to end through the real functions (issue 15): drafting in a session's window, co-signers
 * who must confirm, the review (立案 / 不立案 / 并案) with pre-review, 交办 to two handling units
 * bound by invitation, their 签收 / 退回 / 延期 / 答复, the proposer's rating with one
 * re-handling, the daily 督办, and what each role may see.
 */
import type { Proposal } from '@lxq/types';
import { requestKey } from '../../cloudfunctions/shared/router';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys?.stop());

const STAFF = WHO.huiningStaff;
const EDU = 'o_handler_edu';
const TRANSPORT = 'o_handler_transport';
const SESSION = 'ps-huining-13-1';
const stored = async (id: string): Promise<Proposal> => (await sys.db.collection('proposals').doc(id).get()).data;
const inbox = async (openid: string) =>
  (await sys.db.collection('inbox').where({ openid }).limit(100).get()).data as { title: string; body: string }[];
const draft = {
  sessionId: SESSION,
  kind: 'individual' as const,
  title: '关于完善县城公共交通线路的建议',
  body: '县城公交线路少、班次稀，城郊居民出行不便。建议优化线路，增加城乡公交班次，推行定制公交。',
};

async function upload(openid: string, cloudPath: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4 reply')]), cloudPath.split('/').pop());
  form.append('cloudPath', cloudPath);
  const res = await fetch(`${sys.emulator.url}/__cloud/upload`, {
    method: 'POST',
    headers: { 'X-WX-OPENID': openid },
    body: form,
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

async function convener() {
  const demo = await stored('proposal-demo-1');
  return { openid: demo.proposerOpenid, sectorId: demo.sectorId!, cosigners: demo.cosigners };
}

test('when the session window is closed, then a draft is kept but not submitted, with the dates in the message', async () => {
  const { _id: sessionId } = await sys
    .as(STAFF)
    .ok('proposal.createSession', { name: '十二届四次会议', opensOn: '2020-01-01', closesOn: '2020-01-10' });
  const { openid } = await convener();
  const { _id } = await sys.as(openid).ok('proposal.create', { ...draft, sessionId });
  const res = await sys.as(openid).call('proposal.submit', { id: _id });
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe('INVALID_STATE');
    expect(res.error.message).toContain('2020-01-01 至 2020-01-10');
  }
  expect((await stored(_id)).status).toBe('draft');
  // Nobody but the proposer sees a draft: staff neither list nor open it, a citizen is told it does not exist.
  const list = await sys.as(STAFF).ok('proposal.list', { sessionId });
  expect(list.total).toBe(0);
  for (const who of [STAFF, WHO.citizen]) {
    const res = await sys.as(who).call('proposal.get', { id: _id });
    expect(!res.ok && res.error.code).toBe('NOT_FOUND');
  }
  const bad = await sys
    .as(STAFF)
    .call('proposal.createSession', { name: '十二届四次会议', opensOn: '2020-01-10', closesOn: '2020-01-01' });
  expect(!bad.ok && bad.error.fields?.closesOn).toBe('截止日期不能早于开始日期');
});

test('when a member who does not convene the sector drafts a sector proposal, then it is refused and nothing is stored', async () => {
  const { sectorId, cosigners } = await convener();
  const other = cosigners[0];
  const before = (await sys.db.collection('proposals').count()).total;
  const { data: u } = await sys.db.collection('users').doc(other.userId).get();
  const res = await sys.as(u.openid).call('proposal.create', { ...draft, kind: 'sector', sectorId });
  expect(!res.ok && res.error.fields?.sectorId).toMatch(/召集人/);
  expect((await sys.db.collection('proposals').count()).total).toBe(before);
});

test('when a sector proposal with two co-signers goes through the whole flow, then every step is stored, told and refused where illegal', async () => {
  const { openid, sectorId, cosigners } = await convener();
  const me = sys.as(openid);
  const { _id: id } = await me.ok('proposal.create', { ...draft, kind: 'sector', sectorId });
  // It grew from a concern handed to the convener: once filed, the concern says so.
  await sys.db
    .collection('concerns')
    .doc('concern-demo-07')
    .update({ data: { assigneeOpenid: openid } });
  await me.ok('proposal.link', { id, kind: 'concern', refIds: ['concern-demo-07'] });
  const [a, b] = await Promise.all(
    cosigners.map(async (c) => (await sys.db.collection('users').doc(c.userId).get()).data.openid as string),
  );
  // Each co-signer is told by a subscribe message that opens 邀请我联名, once even when invited again.
  for (const who of [a, b]) {
    for (let k = 0; k < 2; k++) {
      await fetch(`${sys.emulator.url}/__cloud/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: who, templateIds: ['TPL_TASK_REMINDER'], result: 'accept' }),
      });
    }
  }
  const since = sys.emulator.outbox().length;
  await me.ok('proposal.setCosigners', { id, memberIds: cosigners.map((c) => c.userId) });
  await me.ok('proposal.setCosigners', { id, memberIds: cosigners.map((c) => c.userId) });
  for (const who of [a, b]) {
    const told = sys.emulator
      .outbox()
      .slice(since)
      .filter((o) => o.touser === who);
    expect(told.map((o) => o.page)).toEqual(['/member/proposal/index']);
  }
  const stranger = await sys.as(a).call('proposal.setCosigners', { id, memberIds: [] });
  expect(!stranger.ok && stranger.error.code).toBe('NOT_FOUND');
  // Each co-signer sees the invitation, and only a confirmed one counts.
  const mine = await sys.as(a).ok('proposal.mine', {});
  expect(mine.cosigning.find((r) => r._id === id)?.cosignStatus).toBe('invited');
  await sys.as(a).ok('proposal.cosign', { id, accept: true });
  const twice = await sys.as(a).call('proposal.cosign', { id, accept: false });
  expect(!twice.ok && twice.error.code).toBe('INVALID_STATE');
  await me.ok('proposal.submit', { id });
  await sys.as(b).ok('proposal.cosign', { id, accept: true });
  const row = (await sys.as(STAFF).ok('proposal.list', { kind: 'sector', status: 'submitted' })).items.find(
    (r) => r._id === id,
  );
  expect(row?.confirmedCosigners).toBe(2);

  // Illegal moves write nothing.
  const early = await me.call('proposal.rate', { id, rating: 'satisfied' });
  expect(!early.ok && early.error.code).toBe('INVALID_STATE');
  const notYet = await sys.as(STAFF).call('proposal.assign', { id, leadId: 'hu-huining-edu', dueOn: '2099-01-01' });
  expect(!notYet.ok && notYet.error.code).toBe('INVALID_STATE');
  expect((await stored(id)).status).toBe('submitted');

  // Pre-review is internal: staff see it, the proposer does not.
  await sys.as(STAFF).ok('proposal.preReview', { id, handlingUnitId: 'hu-huining-edu', opinion: '建议由教育局主办' });
  expect((await sys.as(STAFF).ok('proposal.get', { id })).preReviews).toHaveLength(1);
  const seen = await me.ok('proposal.get', { id });
  expect(seen.preReviews).toEqual([]);
  expect(seen.events.some((e) => e.action.startsWith('前置预审'))).toBe(false);

  await sys.as(STAFF).ok('proposal.review', { id, decision: 'file', note: '符合立案条件' });
  await sys.as(STAFF).ok('proposal.setKey', { id, key: true });
  const { data: source } = await sys.db.collection('concerns').doc('concern-demo-07').get();
  expect(source.links).toEqual([expect.objectContaining({ kind: 'proposal', refId: id })]);
  const again = await sys.as(STAFF).call('proposal.review', { id, decision: 'reject', reason: '重复' });
  expect(!again.ok && again.error.code).toBe('INVALID_STATE');
  expect((await inbox(openid)).some((m) => m.title === '提案已立案')).toBe(true);

  // 交办 to two units; the third unit's person sees nothing of it.
  await sys
    .as(STAFF)
    .ok('proposal.assign', { id, leadId: 'hu-huining-transport', assistIds: ['hu-huining-edu'], dueOn: '2099-01-01' });
  expect((await inbox(TRANSPORT)).some((m) => m.title === '有新交办的提案')).toBe(true);
  const inv = await sys.as(STAFF).ok('account.createInvitation', {
    name: '刘卫东',
    role: 'handler',
    unitId: 'u-huining',
    handlingUnitId: 'hu-huining-health',
  });
  const bound = await sys.as('o_handler_health').ok('account.bindInvitation', { code: inv.code });
  expect(bound.roles).toContain('handler');
  const hidden = await sys.as('o_handler_health').call('proposal.getAssigned', { id });
  expect(!hidden.ok && hidden.error.code).toBe('NOT_FOUND');
  expect((await sys.as('o_handler_health').ok('proposal.assigned', {})).total).toBe(0);
  const list = await sys.as(TRANSPORT).ok('proposal.assigned', {});
  expect(list.items.find((r) => r._id === id)?.mine).toMatchObject({ role: 'lead', status: 'pending' });

  await sys.as(TRANSPORT).ok('proposal.acknowledge', { id });
  await sys.as(EDU).ok('proposal.requestExtension', { id, days: 10, reason: '需会同乡镇调研' });
  const granted = await sys
    .as(STAFF)
    .ok('proposal.decideExtension', { id, handlingUnitId: 'hu-huining-edu', grant: true });
  expect(granted.dueOn).toBe('2099-01-11');

  // A reply must be the unit's own upload.
  const foreign = await upload('o_someone', 'replies/o_someone/x.pdf');
  const refused = await sys.as(TRANSPORT).call('proposal.answer', {
    id,
    category: 'B',
    text: '已列入明年城乡公交优化计划。',
    fileID: foreign,
    fileName: 'x.pdf',
  });
  expect(!refused.ok && refused.error.fields?.fileID).toMatch(/不是您上传的文件/);
  const lead = await upload(TRANSPORT, `replies/${TRANSPORT}/lead.pdf`);
  const assist = await upload(EDU, `replies/${EDU}/assist.pdf`);
  const first = await sys.as(TRANSPORT).ok('proposal.answer', {
    id,
    category: 'B',
    text: '已列入明年城乡公交优化计划。',
    fileID: lead,
    fileName: '答复函.pdf',
  });
  expect(first.status).toBe('assigned');
  const done = await sys.as(EDU).ok('proposal.answer', {
    id,
    category: 'A',
    text: '已协调学校错峰放学，配合公交调整。',
    fileID: assist,
    fileName: '协办意见.pdf',
  });
  expect(done.status).toBe('answered');
  expect((await inbox(a)).some((m) => m.title === '提案已答复')).toBe(true);

  // 不满意 once: back to the 主办 unit; it answers again; 满意 closes it.
  expect((await me.ok('proposal.rate', { id, rating: 'unsatisfied', comment: '线路仍未覆盖城郊' })).status).toBe(
    'rehandling',
  );
  expect((await stored(id)).assignments.map((x) => x.status)).toEqual(['acknowledged', 'answered']);
  const again2 = await upload(TRANSPORT, `replies/${TRANSPORT}/again.pdf`);
  await sys.as(TRANSPORT).ok('proposal.answer', {
    id,
    category: 'A',
    text: '已新开城郊 3 路公交，覆盖三个村。',
    fileID: again2,
    fileName: '再次答复.pdf',
  });
  expect((await me.ok('proposal.rate', { id, rating: 'satisfied' })).status).toBe('closed');
  const end = await stored(id);
  expect(end.ratings.map((r) => r.rating)).toEqual(['unsatisfied', 'satisfied']);
  expect(end.assignments[0].replies).toHaveLength(2);

  const f = await sys.as(STAFF).ok('proposal.figures', { sessionId: SESSION });
  expect(f.byMember.find((m) => m.name === end.proposerName)?.filed).toBeGreaterThanOrEqual(1);
  const doc = await sys.as(STAFF).ok('proposal.exportDoc', { id });
  expect(doc.url).toMatch(/^http/);
  const xlsx = await sys.as(STAFF).ok('proposal.export', { sessionId: SESSION });
  expect(xlsx.rows).toBeGreaterThan(3);
});

test('when a proposal is not filed or merged, then the reason and disposition are kept and both proposers are told', async () => {
  const { openid } = await convener();
  const { _id: x } = await sys.as(openid).ok('proposal.create', { ...draft, title: '关于城乡公交一体化的建议' });
  await sys.as(openid).ok('proposal.submit', { id: x });
  await sys.as(STAFF).ok('proposal.review', { id: x, decision: 'merge', intoId: 'proposal-demo-2' });
  expect((await stored(x)).mergedInto?.id).toBe('proposal-demo-2');
  expect((await stored('proposal-demo-2')).mergedFrom.map((m) => m.id)).toContain(x);
  const other = (await stored('proposal-demo-2')).proposerOpenid;
  expect((await inbox(other)).some((m) => m.title === '有提案并入您的提案')).toBe(true);
  expect((await inbox(openid)).some((m) => m.title === '提案已并案')).toBe(true);

  const { _id: y } = await sys.as(openid).ok('proposal.create', { ...draft, title: '关于修缮某小区围墙的建议' });
  await sys.as(openid).ok('proposal.submit', { id: y });
  const noReason = await sys.as(STAFF).call('proposal.review', { id: y, decision: 'reject' });
  expect(!noReason.ok && noReason.error.fields?.reason).toBe('请填写不立案理由');
  // 转为社情民意信息: the proposer gets a report draft from its text, linked both ways; a retry makes one.
  const rejectAsReport = { id: y, decision: 'reject' as const, reason: '属具体事务', disposition: 'report' as const };
  const requestId = newRequestId();
  await sys.as(STAFF).ok('proposal.review', rejectAsReport, requestId);
  await sys.db
    .collection('audit')
    .doc(requestKey('proposal.review', STAFF, requestId))
    .remove();
  await sys.as(STAFF).ok('proposal.review', rejectAsReport, requestId);
  const { notFiled } = await stored(y);
  expect(notFiled).toEqual({ reason: '属具体事务', disposition: 'report', reportId: expect.any(String) });
  const made = (await sys.db.collection('reports').where({ authorOpenid: openid }).limit(100).get()).data.filter(
    (r: { fromProposal?: { id: string } }) => r.fromProposal?.id === y,
  );
  expect(made.map((r: { _id: string }) => r._id)).toEqual([notFiled!.reportId]);
  const view = await sys.as(openid).ok('report.get', { id: notFiled!.reportId! });
  expect(view).toMatchObject({ status: 'draft', fromProposal: { _id: y }, can: { edit: true, submit: true } });
  expect(view.title).toBe('关于修缮某小区围墙的情况反映');
  expect((await sys.as(openid).ok('report.listMine', {})).items.map((r) => r._id)).toContain(notFiled!.reportId);
  await sys.as(openid).ok('report.submit', { id: notFiled!.reportId! });
  const told = (await sys.db.collection('inbox').where({ openid }).limit(100).get()).data as {
    page: string;
    refId: string;
  }[];
  expect(told.filter((m) => m.refId === y).map((m) => m.page)).toEqual([
    `/member/report/detail?id=${notFiled!.reportId}`,
  ]);
  // A citizen may not see it; the opinion-letter choice is recorded and makes no report.
  expect((await sys.as(WHO.citizen).call('report.get', { id: notFiled!.reportId! })).ok).toBe(false);
  const { _id: z } = await sys.as(openid).ok('proposal.create', { ...draft, title: '关于规范某路段停车的建议' });
  await sys.as(openid).ok('proposal.submit', { id: z });
  await sys
    .as(STAFF)
    .ok('proposal.review', { id: z, decision: 'reject', reason: '宜以意见函办理', disposition: 'letter' });
  expect((await stored(z)).notFiled).toEqual({ reason: '宜以意见函办理', disposition: 'letter' });
});

test('when a member starts a proposal from their own report, then both show the link and another’s report is refused', async () => {
  const { openid } = await convener();
  const me = sys.as(openid);
  await sys.db
    .collection('concerns')
    .doc('concern-demo-07')
    .update({ data: { assigneeOpenid: openid } });
  const { _id: reportId } = await me.ok('report.create', { concernIds: ['concern-demo-07'] });
  const { _id: id } = await me.ok('proposal.create', { ...draft, title: '关于改善老旧小区照明的建议' });
  expect((await me.ok('proposal.sourceOptions', {})).reports.map((r) => r._id)).toContain(reportId);
  const other = (await stored('proposal-demo-2')).proposerOpenid;
  const { _id: theirs } = await sys.as(STAFF).ok('report.create', { concernIds: ['concern-demo-07'] });
  const refused = await me.call('proposal.link', { id, kind: 'report', refIds: [theirs] });
  expect(!refused.ok && refused.error.fields?.refIds).toBe('只能关联您本人撰写的社情民意信息');
  expect((await stored(id)).sources).toEqual([]);
  const byOther = await sys.as(other).call('proposal.link', { id, kind: 'report', refIds: [reportId] });
  expect(!byOther.ok && byOther.error.code).toBe('NOT_FOUND');
  await me.ok('proposal.link', { id, kind: 'report', refIds: [reportId] });
  await me.ok('proposal.link', { id, kind: 'report', refIds: [reportId] });
  expect((await stored(id)).sources).toEqual([{ kind: 'report', id: reportId, title: expect.any(String) }]);
  // The report keeps the proposal once it is filed (a draft is its author's alone), as concerns do.
  expect((await me.ok('report.get', { id: reportId })).proposals).toEqual([]);
  await me.ok('proposal.submit', { id });
  await sys.as(STAFF).ok('proposal.review', { id, decision: 'file' });
  expect((await me.ok('report.get', { id: reportId })).proposals).toEqual([
    { _id: id, title: '关于改善老旧小区照明的建议' },
  ]);
});

test('when a liaison record feeds a report and a filed proposal, then the member and staff see both on the record (not a draft)', async () => {
  const { openid } = await convener();
  const me = sys.as(openid);
  const record = (await me.ok('liaison.mine', {})).items[0];
  const fedOf = async (who: string, list: 'liaison.mine' | 'liaison.list') =>
    (await sys.as(who).ok(list, { pageSize: 50 })).items.find((r) => r._id === record._id)?.fed;
  const { _id: reportId } = await me.ok('report.create', { liaisonIds: [record._id] });
  expect(await fedOf(openid, 'liaison.mine')).toEqual([]);
  await me.ok('report.submit', { id: reportId });
  const { _id: id } = await me.ok('proposal.create', { ...draft, title: '关于加强社区养老服务的建议' });
  await me.ok('proposal.link', { id, kind: 'liaison', refIds: [record._id] });
  await me.ok('proposal.submit', { id });
  await sys.as(STAFF).ok('proposal.review', { id, decision: 'file' });
  const fed = [
    { kind: 'report', _id: reportId, title: expect.any(String) },
    { kind: 'proposal', _id: id, title: '关于加强社区养老服务的建议' },
  ];
  expect(await fedOf(openid, 'liaison.mine')).toEqual(fed);
  expect(await fedOf(STAFF, 'liaison.list')).toEqual(fed);
});

test('when a handling unit is past its deadline, then the daily 督办 reminds its people and staff once a day', async () => {
  await sys.db
    .collection('proposals')
    .doc('proposal-demo-3')
    .update({
      data: { dueOn: '2020-01-01', 'assignments.0.dueOn': '2020-01-01', 'assignments.1.dueOn': '2020-01-01' },
    });
  const first = (await sys.emulator.fireTimer('proposal', 'dailySupervision')) as { data: { reminded: number } };
  expect(first.data.reminded).toBeGreaterThanOrEqual(2);
  expect((await inbox(EDU)).some((m) => m.title === '提案办理已超期')).toBe(true);
  expect((await inbox(STAFF)).some((m) => m.title === '提案办理超期督办')).toBe(true);
  const second = (await sys.emulator.fireTimer('proposal', 'dailySupervision')) as { data: { reminded: number } };
  expect(second.data.reminded).toBe(0);
});

test('when a unit’s answer dies after its change (no audit entry), then the retry finishes with the first answer and writes nothing twice', async () => {
  const id = 'proposal-demo-3';
  await sys.as(EDU).call('proposal.acknowledge', { id });
  const fileID = await upload(EDU, `replies/${EDU}/resume.pdf`);
  const input = {
    id,
    category: 'A' as const,
    text: '已列入年度计划，秋季前完成改造。',
    fileID,
    fileName: '答复函.pdf',
  };
  const requestId = newRequestId();
  const first = await sys.as(EDU).ok('proposal.answer', input, requestId);
  const events = (await stored(id)).events.length;
  // The function "died" before recording its answer: the audit entry is gone.
  await sys.db
    .collection('audit')
    .doc(requestKey('proposal.answer', EDU, requestId))
    .remove();
  const again = await sys.as(EDU).ok('proposal.answer', input, requestId);
  expect(again).toEqual(first);
  const after = await stored(id);
  expect(after.events).toHaveLength(events);
  expect(after.assignments.find((a) => a.handlingUnitId === 'hu-huining-edu')?.replies).toHaveLength(1);
});

test('when a handling unit’s person scans a PC’s sign-in code, then they may confirm it (a member may not)', async () => {
  const id = 'f'.repeat(24);
  const handler = await sys.as(EDU).call('account.webLoginInspect', { id });
  expect(!handler.ok && handler.error.code).not.toBe('FORBIDDEN');
  const member = await sys.as(WHO.member).call('account.webLoginInspect', { id });
  expect(!member.ok && member.error.code).toBe('FORBIDDEN');
});
