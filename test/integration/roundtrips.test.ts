/**
 * ENGINEERING.md §7: every action a citizen or member triggers costs at most 4 database round
 * trips (the emulator counts one per SDK request). One journey through the whole product as a
 * new citizen and a new member, measuring each of their actions as it succeeds; staff actions
 * arrange what the journey needs and are not measured. A new action a citizen or member may call
 * (by its declared roles) must be measured here: the last test fails when one is missing.
 */
import { ACTIONS, type ActionInput, type ActionName, type ActionOutput } from '@lxq/types';
import { DECLARED, openToPeople, undeclared } from './declared';
import { deliverAll, quiet } from './notice-helpers';
import { arrangeShift, chinaDate } from './shifts';
import { startSystem, WHO, type System } from './system';
import { webClient, type WebClient } from './webClient';

const BUDGET = 4;

/** Actions only staff or admins can call (by their declared roles): no citizen or member ever pays for them. */
const STAFF_ONLY = [...DECLARED.values()].filter((def) => !openToPeople(def)).map((def) => def.name);

let sys: System;
/** Round trips of each measured call, by action (an action may be measured in several cases). */
const measured = new Map<ActionName, { label: string; trips: number; budget: number }[]>();

const CITIZEN = 'o_rt_citizen';
const MEMBER = 'o_rt_member';
const PARTNER = 'o_member_44';
const STATION = { id: 'ws-huishi', location: { lat: 35.6927, lng: 105.0536 } };
const admin = () => sys.as(WHO.admin);

async function measure<N extends ActionName>(
  openid: string,
  name: N,
  input: ActionInput<N>,
  label = '',
  /** Only where the action does the work of several (see the call): the round trips allowed. */
  budget: number | ((data: ActionOutput<N>) => number) = BUDGET,
): Promise<ActionOutput<N>> {
  const before = sys.emulator.database.roundTrips;
  const data = await sys.as(openid).ok(name, input);
  const trips = sys.emulator.database.roundTrips - before;
  const allowed = typeof budget === 'function' ? budget(data) : budget;
  measured.set(name, [...(measured.get(name) ?? []), { label, trips, budget: allowed }]);
  return data;
}

/** Like measure(), for a browser calling as the production h5 build does. */
async function measureWeb<N extends ActionName>(client: WebClient, name: N, input: ActionInput<N>, label = '') {
  const before = sys.emulator.database.roundTrips;
  const data = await client.ok(name, input);
  const trips = sys.emulator.database.roundTrips - before;
  measured.set(name, [...(measured.get(name) ?? []), { label, trips, budget: BUDGET }]);
  return data;
}

/** A shift at 会师镇 for the journey's member, built directly (so any hour of the day works). */
async function putShift(id: string, start: Date, hours: number, memberId: string) {
  const { data: u } = await sys.db.collection('users').doc(memberId).get();
  const end = new Date(start.getTime() + hours * 3_600_000);
  await arrangeShift(
    sys,
    { ...STATION, name: '会师镇委员工作站', unitId: 'u-huining', unitPath: ['u-gansu', 'u-baiyin', 'u-huining'] },
    { id, start, end },
    [{ userId: u._id, openid: u.openid, name: u.name }],
  );
}

const form = {
  workstationId: STATION.id,
  category: '民生',
  title: '小区门口路灯坏了',
  text: '小区门口的路灯坏了一个多月，晚上出行很不方便，希望尽快修好。',
  consent: true,
} as const;
const concernInput = {
  category: '民生',
  title: '村道坑洼需要修补',
  text: '村里通往镇上的道路坑洼很多，雨天积水严重。',
} as const;

beforeAll(async () => {
  sys = await startSystem();

  // A citizen arrives, looks around and submits.
  await measure(CITIZEN, 'account.me', {}, '群众');

  // A PC showing its sign-in code is a citizen of its own: it starts, then polls every 2 seconds.
  const pc = await webClient(sys);
  const code = await measureWeb(pc, 'account.webLoginStart', { device: 'Chrome · Windows' }, '电脑');
  await measureWeb(pc, 'account.webLoginPoll', { id: code.id }, '等待扫码');
  await measure(CITIZEN, 'org.listWorkstations', {});
  await measure(CITIZEN, 'org.nearWorkstations', { location: STATION.location });
  await measure(CITIZEN, 'org.getWorkstation', { workstationId: STATION.id });
  await measure(CITIZEN, 'org.listSectors', { unitId: 'u-huining' });
  await measure(CITIZEN, 'duty.stationDuty', { workstationId: STATION.id });
  await measure(CITIZEN, 'account.recordSubscriptions', { answers: [{ template: 'concernStatus', answer: 'accept' }] });
  const { _id: concernId } = await measure(CITIZEN, 'concern.submit', form);
  await measure(CITIZEN, 'concern.listMine', {});
  const { _id: withdrawnId } = await sys.as(CITIZEN).ok('concern.submit', { ...form, title: '提交后想撤回的诉求' });
  await measure(CITIZEN, 'concern.withdraw', { id: withdrawnId });
  await measure(CITIZEN, 'concern.retention', {});
  await measure(CITIZEN, 'concern.removePhone', { id: concernId });
  // A workstation's published consultation topics, and one topic's public page (topic-demo-1, seeded).
  await measure(CITIZEN, 'topic.publicList', { workstationId: STATION.id });
  await measure(CITIZEN, 'topic.publicGet', { id: 'topic-demo-1' });
  // 公开征题: read the call, propose a topic, back someone else's (once).
  await measure(CITIZEN, 'topic.getCall', { id: 'call-demo-1' });
  await measure(CITIZEN, 'topic.proposeToCall', {
    id: 'call-demo-1',
    title: '老城区停车难',
    text: '老城区停车位少，车辆乱停乱放，建议规划建设停车场。',
  });
  await measure(CITIZEN, 'topic.backProposal', { id: 'proposal-demo-1' });

  // A new member joins by invitation.
  const inv = await admin().ok('account.createInvitation', { name: '路测委员', role: 'member', unitId: 'u-huining' });
  await measure(MEMBER, 'account.inspectInvitation', { code: inv.code });
  const me = await measure(MEMBER, 'account.bindInvitation', { code: inv.code });
  await measure(MEMBER, 'account.me', {}, '委员');
  const memberId = me.userId!;

  // Staff hand the concern to them; they answer it; the citizen follows up.
  await admin().ok('concern.accept', { id: concernId });
  await admin().ok('concern.assign', { id: concernId, target: { kind: 'member', id: memberId } });
  await measure(MEMBER, 'concern.listAssigned', {});
  await measure(MEMBER, 'concern.get', { id: concernId }, '委员');
  await measure(MEMBER, 'concern.start', { id: concernId });
  await measure(MEMBER, 'concern.reply', { id: concernId, text: '已联系供电所，路灯本周内修复。' }, '首次答复');
  await measure(CITIZEN, 'concern.get', { id: concernId }, '群众');
  await measure(CITIZEN, 'concern.reopen', { id: concernId, reason: '路灯修了又坏了' });
  await measure(MEMBER, 'concern.reply', { id: concernId, text: '已请供电所更换整套灯具。' }, '重新办理后答复');
  await measure(CITIZEN, 'concern.rate', { id: concernId, score: 5, comment: '满意' });

  // Duty: a shift running now, one in two days, and a swap partner's.
  const now = Date.now();
  await putShift('rt-shift-now', new Date(now - 10 * 60_000), 2, memberId);
  await putShift('rt-shift-later', new Date(now + 2 * 86_400_000), 2, memberId);
  await putShift('rt-shift-swap', new Date(now + 3 * 86_400_000), 2, memberId);
  await measure(MEMBER, 'duty.myShifts', {});
  await measure(MEMBER, 'duty.signIn', { shiftId: 'rt-shift-now', location: STATION.location });
  await measure(MEMBER, 'duty.recordReception', { shiftId: 'rt-shift-now', people: 3, topic: '咨询医保政策' }, '接待');
  // Two records in one action: the reception, and a concern with its counter (createConcern's 3:
  // its bucket, the concern, the count). The known exception to the budget, in the README.
  await measure(
    MEMBER,
    'duty.recordReception',
    { shiftId: 'rt-shift-now', people: 1, topic: '反映村道问题', consent: true, concerns: [concernInput] },
    '接待并代为提交诉求',
    6,
  );
  await measure(MEMBER, 'duty.listReceptions', { shiftId: 'rt-shift-now' });
  await measure(MEMBER, 'duty.signOut', { shiftId: 'rt-shift-now', location: STATION.location });
  const { data: station } = await sys.db.collection('workstations').doc(STATION.id).get();
  const { data: colleague } = await sys.db.collection('users').doc(station.memberIds[0]).get();
  await measure(colleague.openid, 'duty.stationMembers', { workstationId: STATION.id });
  await measure(MEMBER, 'duty.requestLeave', { shiftId: 'rt-shift-later', kind: 'leave', reason: '外出开会' }, '请假');
  const swap = await measure(
    MEMBER,
    'duty.requestLeave',
    { shiftId: 'rt-shift-swap', kind: 'swap', partnerId: 'user-m44', reason: '家中有事' },
    '调班',
  );
  await measure(MEMBER, 'duty.myRequests', {});
  await measure(PARTNER, 'duty.answerSwap', { id: swap._id, accept: true });

  // Liaison: set up, log records, see the 成绩单; a director reminds.
  await measure(MEMBER, 'liaison.formOptions', {});
  const contact = await measure(MEMBER, 'liaison.saveContact', { name: '李建国', unit: '会师镇卫生院' });
  await measure(MEMBER, 'liaison.saveBase', { name: '会师镇西关社区', kind: '社区' });
  const pairing = await measure(MEMBER, 'liaison.savePairing', { name: '张家', kind: 'family', since: '2026-01-01' });
  const record: ActionInput<'liaison.log'> = {
    date: chinaDate(new Date()),
    time: '00:00',
    channel: 'face',
    place: '会师镇西关社区',
    personTimes: 12,
    summary: '走访社区了解老年人助餐需求',
    contactIds: [contact.id],
  };
  await measure(MEMBER, 'liaison.log', record, '记录');
  // An occasion is checked against the unit's list, read with the profile (one aggregate).
  await measure(MEMBER, 'liaison.log', { ...record, occasion: 'demand' }, '记录八必访时机');
  // The record and the concerns it raises (one insert for all of them, one count): 6 however many.
  // The first concern a unit ever receives also makes its counter (bucket): once per unit, ever
  // (with the units of its path, whose lists of categories the counter keeps).
  await measure(MEMBER, 'liaison.log', { ...record, concerns: [concernInput] }, '单位首条诉求，建立计数', 11);
  await measure(MEMBER, 'liaison.log', { ...record, concerns: [concernInput] }, '记录并转 1 条诉求', 6);
  const three = [1, 2, 3].map((i) => ({ ...concernInput, title: `${concernInput.title}${i}` }));
  await measure(MEMBER, 'liaison.log', { ...record, concerns: three }, '记录并转 3 条诉求', 6);
  await measure(MEMBER, 'liaison.mine', {});
  // 委员荐题 from the records just logged: the member, the records, the insert, the audit.
  const mine = await sys.as(MEMBER).ok('liaison.mine', {});
  await measure(MEMBER, 'topic.propose', {
    title: '社区老年人助餐服务',
    background: '走访中老年人普遍反映吃饭难，希望社区开办老年食堂。',
    form: 'micro',
    liaisonRecordIds: [mine.items[0]._id],
  });
  // 协商议事 and 议前调研 (issue 14): staff invite them to a topic's meeting and give them a task.
  const staffH = sys.as(WHO.huiningStaff);
  const { _id: meetingTopic } = await staffH.ok('topic.create', {
    title: '西关社区停车协商',
    background: '居民反映小区停车难，消防通道经常被占用。',
    form: 'micro',
    source: 'party',
  });
  await staffH.ok('topic.advance', { id: meetingTopic });
  await staffH.ok('topic.screen', { id: meetingTopic, may: ['涉及群众切身利益的民生实事'], mayNot: [] });
  await staffH.ok('topic.confirm', { id: meetingTopic, body: '会师镇党委+政协委员', date: '2026-11-20' });
  const soon = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
  await staffH.ok('topic.arrangeMeeting', {
    id: meetingTopic,
    title: '西关社区停车协商会',
    body: '请准时参加。',
    at: soon(20),
    place: '会师镇委员工作站',
    replyBy: soon(10),
    targets: { userIds: [memberId] },
  });
  await staffH.ok('topic.assignResearch', {
    id: meetingTopic,
    memberIds: [memberId],
    task: '走访居民',
    dueOn: '2099-01-01',
  });
  const { text: meetingCode } = await staffH.ok('topic.meetingCode', { id: meetingTopic });
  // The meeting notice's delivery workers run on after the arrangement: let them finish first.
  await quiet(sys);
  await measure(MEMBER, 'topic.checkIn', { code: meetingCode }, '扫码签到');
  await measure(MEMBER, 'topic.checkIn', { code: meetingCode }, '已签到');
  const participation = await measure(MEMBER, 'topic.mine', {});
  const task = participation.tasks.find((t) => t.topicId === meetingTopic)!;
  await measure(MEMBER, 'topic.closeTask', { id: task._id, liaisonRecordId: mine.items[0]._id }, '以联系记录完成调研');
  await measure(MEMBER, 'liaison.scorecard', {});
  const yearly = await measure(MEMBER, 'liaison.dossier', {});
  // A term (届) of the unit's sessions: its years come with the ask, the sessions confirm them.
  const term = yearly.terms[yearly.terms.length - 1];
  await measure(
    MEMBER,
    'liaison.dossier',
    { term: { name: term.name, fromYear: term.fromYear, toYear: term.toYear } },
    '一届',
  );
  await measure(MEMBER, 'liaison.removePairing', { id: pairing.id });
  await measure(MEMBER, 'liaison.removeContact', { id: contact.id });
  await measure('o_member_03', 'liaison.grid', {});
  // A director's reminder is a small fan-out: their groups' progress, then one notification per
  // member reminded (an inbox item, and a push when a subscription remains).
  const remindBudget = (r: { reminded: number }) => 6 + 2 * r.reminded;
  await measure('o_member_03', 'liaison.remind', { memberIds: ['user-m02'] }, '提醒一位', remindBudget);
  await measure('o_member_03', 'liaison.remind', {}, '提醒全部落后的', remindBudget);

  // 社情民意信息 (issue 15): drafted from the concern they answered and a record of theirs, edited, submitted.
  const { data: records } = await sys.db.collection('liaison_records').where({ memberId }).limit(1).get();
  await measure(MEMBER, 'report.sources', {});
  await measure(MEMBER, 'report.create', { concernIds: [concernId] }, '从诉求起草');
  const drafted = { concernIds: [concernId], liaisonIds: [records[0]._id as string] };
  const { _id: reportId } = await measure(MEMBER, 'report.create', drafted, '从诉求和联系记录起草');
  await measure(MEMBER, 'report.save', {
    id: reportId,
    title: '关于修复小区门口路灯的建议',
    situation: '群众反映小区门口的路灯坏了一个多月，晚上出行不便。',
    problems: '路灯维护责任不清，报修后长时间无人处理。',
    suggestions: '建议明确路灯维护责任单位，建立报修限时处理机制。',
    reporter: '路测委员',
  });
  await measure(MEMBER, 'report.get', { id: reportId });
  await measure(MEMBER, 'report.submit', { id: reportId });
  await measure(MEMBER, 'report.listMine', {});
  await measure(MEMBER, 'report.export', { id: reportId });

  // A notice reaches the member: the badge, reading it, replying to the meeting.
  const sent = await admin().ok('notice.send', {
    title: '关于参加界别协商会的通知',
    body: '请各位委员准时参会。',
    targets: { userIds: [memberId] },
    meeting: {
      at: new Date(now + 5 * 86_400_000).toISOString(),
      place: '县政协三楼会议室',
      replyBy: new Date(now + 4 * 86_400_000).toISOString(),
    },
  } as ActionInput<'notice.send'>);
  await deliverAll(sys, sent._id);
  // Workers that found nothing left may still be asking the queue: their round trips are no one's.
  await quiet(sys);
  const inbox = await measure(MEMBER, 'account.listInbox', {});
  await measure(MEMBER, 'notice.get', { id: sent._id }, '首次打开');
  await measure(MEMBER, 'notice.get', { id: sent._id }, '再次打开');
  await measure(MEMBER, 'notice.reply', { id: sent._id, attending: true });
  await measure(MEMBER, 'account.readInbox', { id: inbox.items[0]?._id ?? 'none' });

  // A member sees and ends the PCs signed in as them (the session is arranged directly: only
  // staff sign in on a PC, but a member who was staff may still have one listed).
  const { data: who } = await sys.db.collection('users').where({ openid: MEMBER }).get();
  const sessionId = 'a'.repeat(24);
  await sys.db.collection('web_sessions').add({
    data: {
      _id: sessionId,
      openid: MEMBER,
      userId: who[0]._id,
      device: 'Edge · Windows',
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
      endedAt: null,
    },
  });
  await measure(MEMBER, 'account.listSessions', {});
  await measure(MEMBER, 'account.endSession', { id: sessionId });

  // 提案 (issue 15): a draft from a concern, a co-signer, submitted in the open session, then rated.
  await measure(MEMBER, 'proposal.sessions', {});
  await measure(MEMBER, 'proposal.formOptions', {});
  await measure(MEMBER, 'proposal.sourceOptions', {});
  await measure(MEMBER, 'proposal.cosignerOptions', { q: '' });
  const proposal = {
    sessionId: 'ps-huining-13-1',
    title: '关于增设路灯的建议',
    body: '多个村道夜间无照明，群众出行不便，建议分批增设太阳能路灯。',
  };
  const { _id: proposalId } = await measure(MEMBER, 'proposal.create', { ...proposal, kind: 'individual' });
  await measure(MEMBER, 'proposal.update', { id: proposalId, ...proposal, title: '关于村道增设路灯的建议' });
  await measure(MEMBER, 'proposal.link', { id: proposalId, kind: 'concern', refIds: [concernId] });
  // From a report the link is kept both ways: the report is written too.
  const fromReport = { id: proposalId, kind: 'report' as const, refIds: [reportId] };
  await measure(MEMBER, 'proposal.link', fromReport);
  // Inviting is a small fan-out: the newly invited are told (their inbox items in one write, then the pushes' outcome).
  await measure(MEMBER, 'proposal.setCosigners', { id: proposalId, memberIds: ['user-m44'] });
  await measure(PARTNER, 'proposal.cosign', { id: proposalId, accept: true });
  await measure(MEMBER, 'proposal.submit', { id: proposalId });
  await measure(MEMBER, 'proposal.mine', {});
  await measure(MEMBER, 'proposal.get', { id: proposalId });
  await admin().ok('proposal.review', { id: proposalId, decision: 'file' });
  await admin().ok('proposal.assign', { id: proposalId, leadId: 'hu-huining-edu', dueOn: '2099-01-01' });
  const reply = await uploadAs('o_handler_edu', 'replies/o_handler_edu/rt.pdf');
  await sys.as('o_handler_edu').ok('proposal.answer', {
    id: proposalId,
    category: 'A',
    text: '已安排镇村分批增设路灯。',
    fileID: reply,
    fileName: '答复函.pdf',
  });
  await measure(MEMBER, 'proposal.rate', { id: proposalId, rating: 'satisfied' });
}, 300_000);

afterAll(() => sys?.stop());

/** Uploads as the h5 client does, as `openid`, to `cloudPath` (a handling unit's reply letter). */
async function uploadAs(openid: string, cloudPath: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4')]), cloudPath.split('/').pop());
  form.append('cloudPath', cloudPath);
  const res = await fetch(`${sys.emulator.url}/__cloud/upload`, {
    method: 'POST',
    headers: { 'X-WX-OPENID': openid },
    body: form,
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

test(`when a citizen or member acts, then each action costs at most ${BUDGET} database round trips`, () => {
  const table = [...measured].flatMap(([name, cases]) =>
    cases.map(
      (c) =>
        `${c.trips > c.budget ? '✗' : ' '} ${name}${c.label ? `（${c.label}）` : ''}: ${c.trips}` +
        (c.budget === BUDGET ? '' : `（允许 ${c.budget}）`),
    ),
  );
  console.log(`database round trips per action:\n${table.join('\n')}`);
  const over = table.filter((line) => line.startsWith('✗'));
  expect(over).toEqual([]);
});

test('when a new action is added, then it is declared, and measured here unless only staff may call it', () => {
  expect(undeclared()).toEqual([]);
  const unmeasured = Object.keys(ACTIONS)
    .filter((name) => !measured.has(name as ActionName) && !STAFF_ONLY.includes(name as ActionName))
    .map(
      (name) => `${name} is open to citizens or members (its roles): measure it in test/integration/roundtrips.test.ts`,
    );
  expect(unmeasured).toEqual([]);
});
