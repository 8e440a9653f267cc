/**
 * Every action × role × in/out of scope (ENGINEERING.md §5). What each caller must get is derived
 * from the action's declaration (roles, unitOf, target: ./declared.ts); this file only gives each
 * action an input aimed at 会宁, on documents none of the callers is named on. A new action needs
 * its declaration and an input here: the tests at the end say which is missing.
 */
import { ACTIONS, type ActionInput, type ActionName } from '@lxq/types';
import { declared, expectedOutcome, undeclared, type MatrixCaller } from './declared';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

/** Callers: a citizen, a member, staff of 会宁 (in scope of the inputs), staff of 靖远 (out of scope). */
const CALLERS: MatrixCaller[] = [
  { openid: 'o_matrix_citizen', roles: [], inScope: false },
  { openid: WHO.member, roles: ['member'], inScope: false },
  { openid: WHO.huiningStaff, roles: ['staff'], inScope: true },
  { openid: WHO.jingyuanStaff, roles: ['staff'], inScope: false },
];

/* Duty and workstation management (issue 5): inputs aim at 会宁 (in scope of the third caller). */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const huishiToday = () => `shift-huishi-${chinaToday()}-0`;
const stationFields = {
  name: '矩阵测试工作站',
  kind: 'station' as const,
  address: '会宁县会师镇矩阵路 1 号',
  location: { lat: 35.69, lng: 105.05 },
  openingHours: '周一至周五 9:00-17:00',
  headName: '矩阵',
};
/** Each action's input, typed by the contract. */
type Rows<K extends ActionName> = { [N in K]: () => ActionInput<N> };
/* Notices (issue 7): notice-demo-1 was sent by 会宁 staff (scripts/seed/notices.ts). */
const NOTICE_MATRIX: Rows<Extract<ActionName, `notice.${string}`>> = {
  'notice.options': () => ({}),
  'notice.resolve': () => ({ targets: { roles: ['member'] } }),
  // Staff send within their own subtree: a 会宁 sector chosen by 靖远 staff resolves to nobody (VALIDATION).
  'notice.send': () => ({ title: '矩阵测试通知', body: '矩阵测试正文', targets: { userIds: ['user-m31'] } }),
  'notice.list': () => ({}),
  'notice.followUp': () => ({ id: 'notice-demo-1' }),
  'notice.remind': () => ({ id: 'notice-demo-1' }),
  'notice.export': () => ({ id: 'notice-demo-1' }),
  // Already sent: 会宁 staff get through the scope check and are refused (INVALID_STATE), others FORBIDDEN.
  'notice.cancel': () => ({ id: 'notice-demo-1' }),
  // Recipients only: anyone else is told it does not exist (not FORBIDDEN).
  'notice.get': () => ({ id: 'notice-demo-1' }),
  'notice.reply': () => ({ id: 'notice-demo-1', attending: true }),
};
const DUTY_MATRIX: Rows<
  | Extract<ActionName, `duty.${string}`>
  | `org.${'createWorkstation' | 'updateWorkstation' | 'workstationDetail' | 'workstationQr' | 'nearWorkstations' | 'unitMembers'}`
> = {
  'org.createWorkstation': () => ({ unitId: 'u-huining', ...stationFields }),
  'org.updateWorkstation': () => ({ workstationId: 'ws-edu-huining', ...stationFields, kind: 'studio' }),
  'org.workstationDetail': () => ({ workstationId: 'ws-huishi' }),
  'org.workstationQr': () => ({ workstationId: 'ws-huishi' }),
  'org.nearWorkstations': () => ({ location: { lat: 35.69, lng: 105.05 } }),
  'org.unitMembers': () => ({ unitId: 'u-huining' }),
  'duty.createShift': () => ({
    workstationId: 'ws-huishi',
    date: '2028-01-04',
    startTime: '09:00',
    endTime: '10:00',
    memberIds: ['user-m31'],
  }),
  'duty.planRotation': () => ({
    workstationId: 'ws-huishi',
    from: '2028-02-07',
    to: '2028-02-08',
    slots: [{ weekday: 1, startTime: '09:00', endTime: '10:00', memberIds: ['user-m34'] }],
  }),
  'duty.updateShift': () => ({ shiftId: huishiToday(), startTime: '09:00', endTime: '10:00', memberIds: ['user-m31'] }),
  'duty.cancelShift': () => ({ shiftId: huishiToday(), reason: '矩阵测试' }),
  'duty.listShifts': () => ({ workstationId: 'ws-huishi', from: '2026-01-01', to: '2026-01-07' }),
  'duty.stationMembers': () => ({ workstationId: 'ws-huishi' }),
  'duty.exportRoster': () => ({ workstationId: 'ws-huishi', from: '2026-01-01', to: '2026-01-07' }),
  'duty.myShifts': () => ({}),
  // The roster says who may sign in: nobody of these four is on 会师镇's shift.
  'duty.signIn': () => ({ shiftId: huishiToday(), location: { lat: 35.6927, lng: 105.0536 } }),
  'duty.signOut': () => ({ shiftId: huishiToday(), location: { lat: 35.6927, lng: 105.0536 } }),
  // The roster (or the request's partner) says who may: nobody of these four.
  'duty.requestLeave': () => ({ shiftId: huishiToday(), kind: 'leave', reason: '矩阵测试' }),
  'duty.answerSwap': () => ({ id: 'leave-demo-huishi', accept: true }),
  'duty.decideLeave': () => ({ id: 'leave-demo-huishi', approve: false }),
  'duty.listLeaves': () => ({}),
  'duty.myRequests': () => ({}),
  'duty.recordReception': () => ({ shiftId: huishiToday(), people: 1, topic: '矩阵测试' }),
  'duty.listReceptions': () => ({ shiftId: huishiToday() }),
  'duty.board': () => ({}),
  'duty.stationDuty': () => ({ workstationId: 'ws-huishi' }),
  'duty.stationCode': () => ({ workstationId: 'ws-huishi' }),
};
/* Liaison records (issue 6): members act on their own records; staff browse their own subtree. */
const LIAISON_MATRIX: Rows<Extract<ActionName, `liaison.${string}`>> = {
  'liaison.progress': () => ({}),
  'liaison.log': () => ({
    date: chinaToday(),
    time: '00:00',
    channel: 'face',
    place: '矩阵测试社区',
    personTimes: 3,
    summary: '矩阵测试联系记录',
  }),
  'liaison.mine': () => ({}),
  'liaison.formOptions': () => ({}),
  'liaison.saveContact': () => ({ name: '矩阵联系人' }),
  'liaison.removeContact': () => ({ id: 'nope' }),
  'liaison.saveBase': () => ({ name: '矩阵测试小区', kind: '小区' }),
  'liaison.savePairing': () => ({ name: '矩阵测试家庭', kind: 'family', since: '2026-01-01' }),
  'liaison.removePairing': () => ({ id: 'nope' }),
  'liaison.scorecard': () => ({}),
  'liaison.dossier': () => ({}),
  'liaison.grid': () => ({}),
  'liaison.remind': () => ({}),
  'liaison.list': () => ({}),
  'liaison.export': () => ({}),
  'liaison.getQuota': () => ({}),
  // Admins only: staff of either county may not change quotas.
  'liaison.saveQuota': () => ({ activitiesPerQuarter: 1, personTimesPerYear: 50 }),
  // 网格化联系 management: a 会宁 sector's group (made by gridAdd, then gridRemove aims at it).
  'liaison.gridGroups': () => ({}),
  'liaison.gridOptions': () => ({}),
  'liaison.gridAdd': () => ({
    kind: 'sector',
    groupId: 'sec-huining-0',
    leaderId: 'user-m31',
    memberIds: ['user-m32'],
  }),
  'liaison.gridRemove': () => ({ id: 'grid-sec-huining-0-user-m31', memberId: 'nope' }),
};
const MATRIX: Rows<ActionName> = {
  'account.me': () => ({}),
  'account.createInvitation': () => ({ name: '矩阵测试', role: 'member', unitId: 'u-huining' }),
  'account.listInvitations': () => ({}),
  'account.inspectInvitation': () => ({ code: 'DEMOWY26' }),
  'account.bindInvitation': () => ({ code: 'ZZZZZZZZ' }),
  'account.recordSubscriptions': () => ({ answers: [{ template: 'concernStatus', answer: 'accept' }] }),
  'account.listInbox': () => ({}),
  'account.readInbox': () => ({ id: 'nope' }),
  'org.listWorkstations': () => ({}),
  'org.getWorkstation': () => ({ workstationId: 'ws-huishi' }),
  'org.listSectors': () => ({ unitId: 'u-huining' }),
  'org.listUnits': () => ({}),
  // The PC console's queue export (issue 12).
  'concern.exportQueue': () => ({}),
  // Signing in on a PC (issue 12): only a browser not signed in starts one (test/integration/webLogin.test.ts).
  'account.webLoginStart': () => ({ device: 'Chrome · Windows' }),
  'account.webLoginPoll': () => ({ id: 'f'.repeat(24) }),
  'account.webLoginInspect': () => ({ id: 'f'.repeat(24) }),
  'account.webLoginConfirm': () => ({ id: 'f'.repeat(24) }),
  'account.webLoginRefuse': () => ({ id: 'f'.repeat(24) }),
  'account.listSessions': () => ({}),
  'account.endSession': () => ({ id: 'f'.repeat(24) }),
  // The working-day calendar (issue 17): staff read it; only admins check or enter a year.
  'org.calendar': () => ({}),
  'org.checkCalendarYear': () => ({ year: 2027, text: '元旦：1月1日放假，共1天。' }),
  'org.saveCalendarYear': () => ({ year: 2027, text: '元旦：1月1日放假，共1天。' }),
  'org.dashboard': () => ({ unitId: 'u-huining' }),
  'exportJob.start': () => ({ kind: 'concerns', concerns: { status: 'submitted' } }),
  'exportJob.status': () => ({ id: 'export-missing' }),
  'concern.submit': () => ({
    workstationId: 'ws-huishi',
    category: '民生',
    title: '矩阵测试诉求',
    text: '用于权限矩阵测试的诉求内容。',
    consent: true,
  }),
  'concern.listMine': () => ({}),
  'concern.listForStaff': () => ({}),
  // concern-demo-07 is at 会师镇 (会宁): in scope of 会宁 staff, out of scope of 靖远 staff.
  'concern.get': () => ({ id: 'concern-demo-07' }),
  'concern.accept': () => ({ id: 'concern-demo-07' }),
  'concern.reject': () => ({ id: 'concern-demo-07', reason: '矩阵测试理由' }),
  'concern.markDuplicate': () => ({ id: 'concern-demo-07', originalId: 'concern-demo-08' }),
  'concern.duplicateCandidates': () => ({ id: 'concern-demo-07' }),
  'concern.assign': () => ({ id: 'concern-demo-07', target: { kind: 'workstation', id: 'ws-huishi' } }),
  'concern.assigneeOptions': () => ({ id: 'concern-demo-07', kind: 'member' }),
  'concern.addNote': () => ({ id: 'concern-demo-07', text: '矩阵测试备注' }),
  'concern.close': () => ({ id: 'concern-demo-07' }),
  'concern.link': () => ({ id: 'concern-demo-07', kind: 'topic', refId: 'topic-x', title: '矩阵测试议题' }),
  'concern.figures': () => ({}),
  'concern.listAssigned': () => ({}),
  // Open to everyone at the door; the target admits the assigned member or staff in scope.
  'concern.start': () => ({ id: 'concern-demo-07' }),
  'concern.reply': () => ({ id: 'concern-demo-07', text: '矩阵测试的答复内容。' }),
  // The submitter's own only: anyone else is told it does not exist (not FORBIDDEN).
  'concern.rate': () => ({ id: 'concern-demo-07', score: 5 }),
  'concern.reopen': () => ({ id: 'concern-demo-07', reason: '矩阵测试理由' }),
  'concern.withdraw': () => ({ id: 'concern-demo-07' }),
  'concern.retention': () => ({}),
  'concern.getSettings': () => ({}),
  'concern.saveSettings': () => ({ acceptWorkingDays: 3, replyDays: 15 }),
  ...DUTY_MATRIX,
  ...NOTICE_MATRIX,
  ...LIAISON_MATRIX,
};

const DECLARED_ROWS = Object.entries(MATRIX).filter(([name]) => !undeclared().some((m) => m.startsWith(`${name} `)));

describe.each(DECLARED_ROWS)('%s', (name, input) => {
  const def = declared(name as ActionName);
  test.each(CALLERS.map((c) => [c.openid, expectedOutcome(def, c)] as const))(
    'when %s calls, then %s',
    async (openid, outcome) => {
      const res = await sys.as(openid).call(name as ActionName, input() as never);
      // Reaching the handler (ok, or a refusal that is not about access) counts as allowed.
      const got = !res.ok && res.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'ok';
      expect(got).toBe(outcome);
    },
  );
});

test('when an action is in the contract, then a function declares it', () => {
  expect(undeclared()).toEqual([]);
});

test('when a new action is added, then this matrix has an input for it', () => {
  const missing = Object.keys(ACTIONS)
    .filter((name) => !(name in MATRIX))
    .map((name) => `add an input for ${name} to MATRIX in test/integration/access.test.ts`);
  expect(missing).toEqual([]);
});

test('when staff list anything, then only their own subtree comes back', async () => {
  const list = await sys.as(WHO.jingyuanStaff).ok('concern.listForStaff', { pageSize: 50 });
  expect(list.items.length).toBeGreaterThan(0);
  const ids = list.items.map((c) => c._id);
  const { data } = await sys.db.collection('concerns').where({ unitPath: 'u-jingyuan' }).limit(100).get();
  expect(new Set(ids)).toEqual(new Set(data.map((c: { _id: string }) => c._id)));
});
