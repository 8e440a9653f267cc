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
  // A 会宁 member's 履职档案, made by staff of their subtree.
  'liaison.memberDossier': () => ({ memberId: 'user-m31' }),
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
/* The admin console (issue 17): admins only, so every caller here is refused; inputs aim at 会宁. */
const ADMIN_MATRIX: Rows<Extract<ActionName, `admin.${string}`>> = {
  'admin.orgTree': () => ({}),
  'admin.createUnit': () => ({ parentId: 'u-baiyin', name: '矩阵测试县' }),
  'admin.renameUnit': () => ({ unitId: 'u-huining', name: '矩阵测试名称' }),
  'admin.moveUnit': () => ({ unitId: 'u-huining', parentId: 'u-baiyin' }),
  'admin.retireUnit': () => ({ unitId: 'u-huining' }),
  'admin.orgDetail': () => ({ unitId: 'u-huining' }),
  'admin.saveSector': () => ({ unitId: 'u-huining', name: '矩阵测试界' }),
  'admin.saveCommittee': () => ({ unitId: 'u-huining', name: '矩阵测试委员会', sectorIds: [], workstationIds: [] }),
  'admin.linkWorkstation': () => ({ workstationId: 'ws-huishi', sectorIds: [] }),
  'admin.saveUnitLists': () => ({ unitId: 'u-huining', categories: ['民生'], occasions: ['节日'] }),
  'admin.listAccounts': () => ({ unitId: 'u-huining' }),
  'admin.updateAccount': () => ({ userId: 'user-m31', roles: ['member'], unitId: 'u-huining' }),
  'admin.revokeAccount': () => ({ userId: 'user-m31' }),
  'admin.resendInvitation': () => ({ invitationId: 'inv-demo' }),
  'admin.termPreview': () => ({ unitId: 'u-huining' }),
  'admin.endTerm': () => ({ unitId: 'u-huining', term: '矩阵测试届', count: 1 }),
  'admin.importTemplate': () => ({}),
  'admin.importPreview': () => ({ unitId: 'u-huining', file: 'UEsDBBQAAAAIAAAAAAAAAAAAAAAA' }),
  'admin.importCommit': () => ({ unitId: 'u-huining', file: 'UEsDBBQAAAAIAAAAAAAAAAAAAAAA' }),
  // Staff read their own subtree's log.
  'admin.auditLog': () => ({}),
};

/* 提案 (issue 15): proposal-demo-2 awaits review in 会宁 (scripts/seed/proposals.ts); handlers' actions refuse all four. */
const PROPOSAL_MATRIX: Rows<Extract<ActionName, `proposal.${string}`>> = {
  'proposal.sessions': () => ({}),
  'proposal.createSession': () => ({ name: '矩阵测试会议', opensOn: '2027-01-01', closesOn: '2027-01-10' }),
  'proposal.formOptions': () => ({}),
  'proposal.create': () => ({
    sessionId: 'ps-huining-13-1',
    kind: 'individual',
    title: '矩阵测试提案标题',
    body: '用于权限矩阵测试的提案内容，说明问题并提出建议。',
  }),
  // The proposer's own only: anyone else is told it does not exist (not FORBIDDEN).
  'proposal.update': () => ({
    id: 'proposal-demo-1',
    sessionId: 'ps-huining-13-1',
    title: '矩阵测试提案标题',
    body: '用于权限矩阵测试的提案内容，说明问题并提出建议。',
  }),
  'proposal.setCosigners': () => ({ id: 'proposal-demo-1', memberIds: ['user-m40'] }),
  'proposal.cosignerOptions': () => ({ q: '' }),
  'proposal.link': () => ({ id: 'proposal-demo-1', kind: 'concern', refIds: ['concern-demo-07'] }),
  'proposal.sourceOptions': () => ({}),
  'proposal.cosign': () => ({ id: 'proposal-demo-1', accept: true }),
  'proposal.submit': () => ({ id: 'proposal-demo-1' }),
  'proposal.mine': () => ({}),
  'proposal.get': () => ({ id: 'proposal-demo-2' }),
  'proposal.list': () => ({}),
  'proposal.preReview': () => ({
    id: 'proposal-demo-2',
    handlingUnitId: 'hu-huining-edu',
    opinion: '矩阵测试预审意见',
  }),
  // 会宁 staff decide (it is then 已立案; the matrix asks only whether they got through).
  'proposal.review': () => ({ id: 'proposal-demo-2', decision: 'file' }),
  'proposal.setKey': () => ({ id: 'proposal-demo-3', key: true }),
  'proposal.assign': () => ({ id: 'proposal-demo-2', leadId: 'hu-huining-edu', dueOn: '2099-01-01' }),
  'proposal.decideExtension': () => ({ id: 'proposal-demo-3', handlingUnitId: 'hu-huining-edu', grant: true }),
  'proposal.rate': () => ({ id: 'proposal-demo-4', rating: 'satisfied' }),
  'proposal.handlingUnits': () => ({}),
  'proposal.saveHandlingUnit': () => ({ name: '矩阵测试局' }),
  'proposal.assigned': () => ({}),
  'proposal.getAssigned': () => ({ id: 'proposal-demo-3' }),
  'proposal.acknowledge': () => ({ id: 'proposal-demo-3' }),
  'proposal.return': () => ({ id: 'proposal-demo-3', reason: '矩阵测试理由' }),
  'proposal.requestExtension': () => ({ id: 'proposal-demo-3', days: 10, reason: '矩阵测试理由' }),
  'proposal.answer': () => ({
    id: 'proposal-demo-3',
    category: 'A',
    text: '矩阵测试的答复内容。',
    fileID: 'cloud://x/replies/o/a.pdf',
    fileName: 'a.pdf',
  }),
  'proposal.figures': () => ({}),
  'proposal.export': () => ({}),
  'proposal.exportDoc': () => ({ id: 'proposal-demo-2' }),
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
  'exportJob.start': () => ({
    kind: 'roster',
    roster: { workstationId: 'ws-huishi', from: '2026-01-01', to: '2026-01-07' },
  }),
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
  'concern.removePhone': () => ({ id: 'concern-demo-07' }),
  'concern.subjectFind': () => ({ phone: '13909435678' }),
  'concern.subjectExport': () => ({ phone: '13909435678' }),
  'concern.subjectErase': () => ({ phone: '13999999999' }),
  'concern.getSettings': () => ({}),
  'concern.saveSettings': () => ({ acceptWorkingDays: 3, replyDays: 15 }),
  /* Consultation topics (issue 14): topic-demo-1 is 会宁's, being followed up (scripts/seed/topics.ts). */
  'topic.create': () => ({
    title: '矩阵测试议题',
    background: '用于权限矩阵测试的议题背景。',
    form: 'micro',
    source: 'party',
  }),
  'topic.raiseFromConcerns': () => ({
    title: '矩阵测试议题',
    background: '用于权限矩阵测试的议题背景。',
    form: 'micro',
    concernIds: ['concern-demo-07'],
  }),
  'topic.propose': () => ({
    title: '矩阵测试议题',
    background: '用于权限矩阵测试的议题背景。',
    form: 'sector',
    liaisonRecordIds: ['none'],
  }),
  'topic.list': () => ({}),
  'topic.get': () => ({ id: 'topic-demo-1' }),
  'topic.record': () => ({ id: 'topic-demo-1', text: '矩阵测试记录' }),
  // Staff out of scope are told it does not exist (NOT_FOUND), like citizens and members.
  'topic.advance': () => ({ id: 'topic-demo-1' }),
  'topic.back': () => ({ id: 'topic-demo-1', reason: '矩阵测试退回' }),
  'topic.screen': () => ({ id: 'topic-demo-1' }),
  'topic.confirm': () => ({ id: 'topic-demo-1', body: '矩阵测试机构', date: '2026-11-20' }),
  'topic.suggest': () => ({ id: 'topic-demo-1', suggestions: ['矩阵测试建议'] }),
  'topic.assign': () => ({
    id: 'topic-demo-1',
    no: 9,
    department: '矩阵单位',
    owner: '矩阵',
    deadline: '2026-12-31',
    outcome: '矩阵测试成效',
    decidedBy: '矩阵机构',
  }),
  'topic.progress': () => ({ id: 'topic-demo-1', no: 9, text: '矩阵测试进展' }),
  'topic.result': () => ({ id: 'topic-demo-1', no: 9, text: '矩阵测试结果' }),
  'topic.screeningLists': () => ({}),
  'topic.saveScreeningLists': () => ({ may: ['矩阵可协商'], mayNot: ['矩阵不可协商'] }),
  'topic.figures': () => ({}),
  'topic.export': () => ({}),
  'topic.publicGet': () => ({ id: 'topic-demo-1' }),
  'topic.publicList': () => ({ workstationId: 'ws-huishi' }),
  'topic.clusters': () => ({}),
  'topic.dismissCluster': () => ({ key: '0123456789abcdef0123' }),
  /* 社情民意信息 (issue 15): report-demo-1 awaits the 会宁 desk, report-demo-3 was adopted there (scripts/seed/reports.ts). */
  'report.sources': () => ({}),
  'report.create': () => ({ concernIds: ['concern-demo-07'] }),
  'report.save': () => ({
    id: 'report-demo-1',
    title: '关于增加乡村客运班线班次的建议',
    situation: '矩阵测试：群众反映村里到县城的班车太少。',
    problems: '矩阵测试：班次少，看病办事不方便。',
    suggestions: '矩阵测试：建议增加班次或开通公交。',
    reporter: '矩阵测试委员',
  }),
  'report.submit': () => ({ id: 'report-demo-0' }),
  'report.decide': () => ({ id: 'report-demo-1', action: 'return', note: '矩阵测试：请补充数据' }),
  'report.instruct': () => ({ id: 'report-demo-3', position: '县委书记', date: '2026-01-31', text: '矩阵测试批示' }),
  'report.get': () => ({ id: 'report-demo-1' }),
  'report.listMine': () => ({}),
  'report.list': () => ({}),
  'report.figures': () => ({ year: 2026 }),
  'report.export': () => ({ id: 'report-demo-1' }),
  'report.exportList': () => ({}),
  // 履职考核 (issue 16): staff and admins of the subtree; only admins reopen a frozen quarter.
  'assessment.members': () => ({}),
  'assessment.settings': () => ({}),
  'assessment.saveSettings': () => ({ memberWeights: {}, stationWeights: {} }),
  'assessment.freeze': () => ({ year: 2025, quarter: 1 }),
  'assessment.reopen': () => ({ year: 2025, quarter: 1, reason: '矩阵测试理由' }),
  'assessment.export': () => ({}),
  'assessment.stations': () => ({}),
  'assessment.exportStations': () => ({}),
  // 公开征题: call-demo-1 is 会宁's open call, proposal-demo-1 a proposal to it (scripts/seed/topics.ts).
  'topic.openCall': () => ({ title: '矩阵测试征题', intro: '用于权限矩阵测试的征题说明。', closesOn: '2099-12-31' }),
  'topic.getCall': () => ({ id: 'call-demo-1' }),
  'topic.proposeToCall': () => ({ id: 'call-demo-1', title: '矩阵测试议题', text: '用于权限矩阵测试的议题说明。' }),
  'topic.backProposal': () => ({ id: 'proposal-demo-1' }),
  // The meeting and research (issue 14): topic-demo-1 is past them, so an admitted caller changes nothing.
  'topic.arrangeMeeting': () => ({
    id: 'topic-demo-1',
    title: '矩阵测试会议',
    body: '矩阵测试会议内容',
    at: '2099-01-02T09:00:00+08:00',
    place: '矩阵会议室',
    replyBy: '2099-01-01T00:00:00+08:00',
    targets: { userIds: ['user-m01'] },
  }),
  'topic.meetingCode': () => ({ id: 'topic-demo-1' }),
  'topic.checkIn': () => ({ code: 'lxq-meeting:topic-demo-1:123456' }),
  'topic.participants': () => ({ id: 'topic-demo-1' }),
  'topic.assignResearch': () => ({
    id: 'topic-demo-1',
    memberIds: ['user-m01'],
    task: '矩阵测试调研',
    dueOn: '2099-01-01',
  }),
  'topic.mine': () => ({}),
  'topic.closeTask': () => ({ id: 'research-missing', note: '矩阵测试调研情况' }),
  'topic.adoptProposal': () => ({ id: 'proposal-demo-1' }),
  ...DUTY_MATRIX,
  ...NOTICE_MATRIX,
  ...LIAISON_MATRIX,
  ...ADMIN_MATRIX,
  ...PROPOSAL_MATRIX,
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
