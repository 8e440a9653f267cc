/**
 * Every action × role × in/out of scope (ENGINEERING.md §5). A new action must add its row here:
 * the last test fails when one is missing.
 */
import { ACTIONS, type ActionName } from '@lxq/types';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

type Outcome = 'ok' | 'FORBIDDEN';
/** Staff actions on one 会宁 concern: only 会宁 staff get through. */
const inScope: [Outcome, Outcome, Outcome, Outcome] = ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'];
/** Callers: a citizen, a member, staff of 会宁 (in scope of the inputs), staff of 靖远 (out of scope). */
const CALLERS = ['o_matrix_citizen', WHO.member, WHO.huiningStaff, WHO.jingyuanStaff] as const;

/* Duty and workstation management (issue 5): inputs aim at 会宁 (in scope of the third caller). */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const huishiToday = () => `shift-huishi-${chinaToday()}-0`;
const stationFields = {
  name: '矩阵测试工作站',
  kind: 'station',
  address: '会宁县会师镇矩阵路 1 号',
  location: { lat: 35.69, lng: 105.05 },
  openingHours: '周一至周五 9:00-17:00',
  headName: '矩阵',
};
const F = 'FORBIDDEN' as const;
const STAFF_ONLY: [Outcome, Outcome, Outcome, Outcome] = [F, F, 'ok', F];
type Row = { input: () => object; expect: [Outcome, Outcome, Outcome, Outcome] };
/* Notices (issue 7): notice-demo-1 was sent by 会宁 staff (scripts/seed/notices.ts). */
const NOTICE_MATRIX: Record<Extract<ActionName, `notice.${string}`>, Row> = {
  'notice.options': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'notice.resolve': { input: () => ({ targets: { roles: ['member'] } }), expect: [F, F, 'ok', 'ok'] },
  // Staff send within their own subtree: a 会宁 sector chosen by 靖远 staff resolves to nobody (VALIDATION).
  'notice.send': {
    input: () => ({ title: '矩阵测试通知', body: '矩阵测试正文', targets: { userIds: ['user-m31'] } }),
    expect: [F, F, 'ok', 'ok'],
  },
  'notice.list': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'notice.followUp': { input: () => ({ id: 'notice-demo-1' }), expect: STAFF_ONLY },
  'notice.remind': { input: () => ({ id: 'notice-demo-1' }), expect: STAFF_ONLY },
  'notice.export': { input: () => ({ id: 'notice-demo-1' }), expect: STAFF_ONLY },
  // Already sent: 会宁 staff get through the scope check and are refused (INVALID_STATE), others FORBIDDEN.
  'notice.cancel': { input: () => ({ id: 'notice-demo-1' }), expect: STAFF_ONLY },
  // Recipients only: anyone else is told it does not exist (not FORBIDDEN).
  'notice.get': { input: () => ({ id: 'notice-demo-1' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'notice.reply': { input: () => ({ id: 'notice-demo-1', attending: true }), expect: ['ok', 'ok', 'ok', 'ok'] },
};
const DUTY_MATRIX: Record<
  | Extract<ActionName, `duty.${string}`>
  | `org.${'createWorkstation' | 'updateWorkstation' | 'workstationDetail' | 'workstationQr' | 'nearWorkstations' | 'unitMembers'}`,
  Row
> = {
  'org.createWorkstation': { input: () => ({ unitId: 'u-huining', ...stationFields }), expect: STAFF_ONLY },
  'org.updateWorkstation': {
    input: () => ({ id: 'ws-edu-huining', ...stationFields, kind: 'studio' }),
    expect: STAFF_ONLY,
  },
  'org.workstationDetail': { input: () => ({ id: 'ws-huishi' }), expect: STAFF_ONLY },
  'org.workstationQr': { input: () => ({ id: 'ws-huishi' }), expect: STAFF_ONLY },
  'org.nearWorkstations': {
    input: () => ({ location: { lat: 35.69, lng: 105.05 } }),
    expect: ['ok', 'ok', 'ok', 'ok'],
  },
  'org.unitMembers': { input: () => ({ unitId: 'u-huining' }), expect: STAFF_ONLY },
  'duty.createShift': {
    input: () => ({
      workstationId: 'ws-huishi',
      date: '2028-01-04',
      startTime: '09:00',
      endTime: '10:00',
      memberIds: ['user-m31'],
    }),
    expect: STAFF_ONLY,
  },
  'duty.planRotation': {
    input: () => ({
      workstationId: 'ws-huishi',
      from: '2028-02-07',
      to: '2028-02-08',
      slots: [{ weekday: 1, startTime: '09:00', endTime: '10:00', memberIds: ['user-m34'] }],
    }),
    expect: STAFF_ONLY,
  },
  'duty.updateShift': {
    input: () => ({ id: huishiToday(), startTime: '09:00', endTime: '10:00', memberIds: ['user-m31'] }),
    expect: STAFF_ONLY,
  },
  'duty.cancelShift': { input: () => ({ id: huishiToday(), reason: '矩阵测试' }), expect: STAFF_ONLY },
  'duty.listShifts': {
    input: () => ({ workstationId: 'ws-huishi', from: '2026-01-01', to: '2026-01-07' }),
    expect: STAFF_ONLY,
  },
  'duty.exportRoster': {
    input: () => ({ workstationId: 'ws-huishi', from: '2026-01-01', to: '2026-01-07' }),
    expect: STAFF_ONLY,
  },
  'duty.stationMembers': { input: () => ({ workstationId: 'ws-huishi' }), expect: STAFF_ONLY },
  'duty.myShifts': { input: () => ({}), expect: [F, 'ok', F, F] },
  // The roster says who may sign in: nobody of these four is on 会师镇's shift.
  'duty.signIn': {
    input: () => ({ shiftId: huishiToday(), location: { lat: 35.6927, lng: 105.0536 } }),
    expect: [F, F, F, F],
  },
  'duty.signOut': {
    input: () => ({ shiftId: huishiToday(), location: { lat: 35.6927, lng: 105.0536 } }),
    expect: [F, F, F, F],
  },
  // The roster (or the request's partner) says who may: nobody of these four.
  'duty.requestLeave': {
    input: () => ({ shiftId: huishiToday(), kind: 'leave', reason: '矩阵测试' }),
    expect: [F, F, F, F],
  },
  'duty.answerSwap': { input: () => ({ id: 'leave-demo-huishi', accept: true }), expect: [F, F, F, F] },
  'duty.decideLeave': { input: () => ({ id: 'leave-demo-huishi', approve: false }), expect: STAFF_ONLY },
  'duty.listLeaves': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'duty.myRequests': { input: () => ({}), expect: [F, 'ok', F, F] },
  'duty.recordReception': {
    input: () => ({ shiftId: huishiToday(), people: 1, topic: '矩阵测试' }),
    expect: [F, F, F, F],
  },
  'duty.listReceptions': { input: () => ({ shiftId: huishiToday() }), expect: STAFF_ONLY },
  'duty.board': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'duty.stationDuty': { input: () => ({ workstationId: 'ws-huishi' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'duty.stationCode': { input: () => ({ workstationId: 'ws-huishi' }), expect: STAFF_ONLY },
};
/* Liaison records (issue 6): members act on their own records; staff browse their own subtree. */
const MEMBER_ONLY: [Outcome, Outcome, Outcome, Outcome] = [F, 'ok', F, F];
const LIAISON_MATRIX: Record<Extract<ActionName, `liaison.${string}`>, Row> = {
  'liaison.log': {
    input: () => ({
      date: chinaToday(),
      time: '00:00',
      channel: 'face',
      place: '矩阵测试社区',
      personTimes: 3,
      summary: '矩阵测试联系记录',
    }),
    expect: MEMBER_ONLY,
  },
  'liaison.mine': { input: () => ({}), expect: MEMBER_ONLY },
  'liaison.formOptions': { input: () => ({}), expect: MEMBER_ONLY },
  'liaison.saveContact': { input: () => ({ name: '矩阵联系人' }), expect: MEMBER_ONLY },
  'liaison.removeContact': { input: () => ({ id: 'nope' }), expect: MEMBER_ONLY },
  'liaison.saveBase': { input: () => ({ name: '矩阵测试小区', kind: '小区' }), expect: MEMBER_ONLY },
  'liaison.savePairing': {
    input: () => ({ name: '矩阵测试家庭', kind: 'family', since: '2026-01-01' }),
    expect: MEMBER_ONLY,
  },
  'liaison.removePairing': { input: () => ({ id: 'nope' }), expect: MEMBER_ONLY },
  'liaison.scorecard': { input: () => ({}), expect: MEMBER_ONLY },
  'liaison.grid': { input: () => ({}), expect: MEMBER_ONLY },
  'liaison.remind': { input: () => ({}), expect: MEMBER_ONLY },
  'liaison.list': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'liaison.export': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'liaison.progress': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'liaison.getQuota': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  // Admins only: staff of either county may not change quotas.
  'liaison.saveQuota': { input: () => ({ activitiesPerQuarter: 1, personTimesPerYear: 50 }), expect: [F, F, F, F] },
  // 网格化联系 management: a 会宁 sector's group (made by gridAdd, then gridRemove aims at it).
  'liaison.gridGroups': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'liaison.gridOptions': { input: () => ({}), expect: [F, F, 'ok', 'ok'] },
  'liaison.gridAdd': {
    input: () => ({ kind: 'sector', groupId: 'sec-huining-0', leaderId: 'user-m31', memberIds: ['user-m32'] }),
    expect: STAFF_ONLY,
  },
  'liaison.gridRemove': { input: () => ({ id: 'grid-sec-huining-0-user-m31', memberId: 'nope' }), expect: STAFF_ONLY },
};
const MATRIX: Record<ActionName, { input: () => object; expect: [Outcome, Outcome, Outcome, Outcome] }> = {
  'account.me': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.createInvitation': {
    input: () => ({ name: '矩阵测试', role: 'member', unitId: 'u-huining' }),
    expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
  },
  'account.listInvitations': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'account.inspectInvitation': { input: () => ({ code: 'DEMOWY26' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.bindInvitation': { input: () => ({ code: 'ZZZZZZZZ' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.recordSubscriptions': {
    input: () => ({ answers: [{ template: 'concernStatus', answer: 'accept' }] }),
    expect: ['ok', 'ok', 'ok', 'ok'],
  },
  'account.listInbox': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.readInbox': { input: () => ({ id: 'nope' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.listWorkstations': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.getWorkstation': { input: () => ({ id: 'ws-huishi' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.listSectors': { input: () => ({ unitId: 'u-huining' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.listUnits': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'concern.submit': {
    input: () => ({
      workstationId: 'ws-huishi',
      category: '民生',
      title: '矩阵测试诉求',
      text: '用于权限矩阵测试的诉求内容。',
      consent: true,
    }),
    expect: ['ok', 'ok', 'ok', 'ok'],
  },
  'concern.listMine': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'concern.listForStaff': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'concern.exportQueue': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  // concern-demo-07 is at 会师镇 (会宁): in scope of 会宁 staff, out of scope of 靖远 staff.
  'concern.get': { input: () => ({ id: 'concern-demo-07' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'concern.accept': { input: () => ({ id: 'concern-demo-07' }), expect: inScope },
  'concern.reject': { input: () => ({ id: 'concern-demo-07', reason: '矩阵测试理由' }), expect: inScope },
  'concern.markDuplicate': { input: () => ({ id: 'concern-demo-07', originalId: 'concern-demo-08' }), expect: inScope },
  'concern.duplicateCandidates': { input: () => ({ id: 'concern-demo-07' }), expect: inScope },
  'concern.assign': {
    input: () => ({ id: 'concern-demo-07', target: { kind: 'workstation', id: 'ws-huishi' } }),
    expect: inScope,
  },
  'concern.assigneeOptions': { input: () => ({ id: 'concern-demo-07', kind: 'member' }), expect: inScope },
  'concern.addNote': { input: () => ({ id: 'concern-demo-07', text: '矩阵测试备注' }), expect: inScope },
  'concern.close': { input: () => ({ id: 'concern-demo-07' }), expect: inScope },
  'concern.link': {
    input: () => ({ id: 'concern-demo-07', kind: 'topic', refId: 'topic-x', title: '矩阵测试议题' }),
    expect: inScope,
  },
  'concern.figures': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'concern.listAssigned': { input: () => ({}), expect: ['FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN'] },
  // Open to everyone at the door; the handler admits the assigned member or staff in scope.
  'concern.start': { input: () => ({ id: 'concern-demo-07' }), expect: inScope },
  'concern.reply': { input: () => ({ id: 'concern-demo-07', text: '矩阵测试的答复内容。' }), expect: inScope },
  // The submitter's own only: anyone else is told it does not exist (not FORBIDDEN).
  'concern.rate': { input: () => ({ id: 'concern-demo-07', score: 5 }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'concern.reopen': {
    input: () => ({ id: 'concern-demo-07', reason: '矩阵测试理由' }),
    expect: ['ok', 'ok', 'ok', 'ok'],
  },
  'concern.getSettings': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'concern.saveSettings': {
    input: () => ({ acceptWorkingDays: 3, replyDays: 15 }),
    expect: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  ...DUTY_MATRIX,
  ...NOTICE_MATRIX,
  ...LIAISON_MATRIX,
};

describe.each(Object.entries(MATRIX))('%s', (name, row) => {
  test.each(CALLERS.map((c, i) => [c, row.expect[i]] as const))('when %s calls, then %s', async (openid, outcome) => {
    const res = await sys.as(openid).call(name as ActionName, row.input() as never);
    // Reaching the handler (ok, or a refusal that is not about access) counts as allowed.
    const got = !res.ok && res.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'ok';
    expect(got).toBe(outcome);
  });
});

test('when a new action is added, then it has a row in this matrix', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
});

test('when staff list anything, then only their own subtree comes back', async () => {
  const list = await sys.as(WHO.jingyuanStaff).ok('concern.listForStaff', { pageSize: 50 });
  expect(list.items.length).toBeGreaterThan(0);
  const ids = list.items.map((c) => c._id);
  const { data } = await sys.db.collection('concerns').where({ unitPath: 'u-jingyuan' }).limit(100).get();
  expect(new Set(ids)).toEqual(new Set(data.map((c: { _id: string }) => c._id)));
});
