import type { Input, Output } from '../zod';
import * as account from './account';
import * as org from './org';
import * as concern from './concern';
import * as duty from './duty';
import * as notice from './notice';
import * as liaison from './liaison';
import * as exportJob from './exportJob';

/**
 * Every action the client may call, by "function.action". The client's `call()` and each
 * function's router are typed from this one table.
 */
export const ACTIONS = {
  'account.me': account.accountMe,
  'account.createInvitation': account.accountCreateInvitation,
  'account.listInvitations': account.accountListInvitations,
  'account.inspectInvitation': account.accountInspectInvitation,
  'account.bindInvitation': account.accountBindInvitation,
  'account.recordSubscriptions': account.accountRecordSubscriptions,
  'account.listInbox': account.accountListInbox,
  'account.readInbox': account.accountReadInbox,
  'account.webLoginStart': account.accountWebLoginStart,
  'account.webLoginPoll': account.accountWebLoginPoll,
  'account.webLoginInspect': account.accountWebLoginInspect,
  'account.webLoginConfirm': account.accountWebLoginConfirm,
  'account.webLoginRefuse': account.accountWebLoginRefuse,
  'account.listSessions': account.accountListSessions,
  'account.endSession': account.accountEndSession,
  'org.listWorkstations': org.orgListWorkstations,
  'org.getWorkstation': org.orgGetWorkstation,
  'org.listSectors': org.orgListSectors,
  'org.listUnits': org.orgListUnits,
  'org.createWorkstation': org.orgCreateWorkstation,
  'org.updateWorkstation': org.orgUpdateWorkstation,
  'org.workstationDetail': org.orgWorkstationDetail,
  'org.workstationQr': org.orgWorkstationQr,
  'org.nearWorkstations': org.orgNearWorkstations,
  'org.unitMembers': org.orgUnitMembers,
  'org.calendar': org.orgCalendar,
  'org.checkCalendarYear': org.orgCheckCalendarYear,
  'org.saveCalendarYear': org.orgSaveCalendarYear,
  'org.dashboard': org.orgDashboard,
  'exportJob.start': exportJob.exportJobStart,
  'exportJob.status': exportJob.exportJobStatus,
  'duty.createShift': duty.dutyCreateShift,
  'duty.planRotation': duty.dutyPlanRotation,
  'duty.updateShift': duty.dutyUpdateShift,
  'duty.cancelShift': duty.dutyCancelShift,
  'duty.listShifts': duty.dutyListShifts,
  'duty.exportRoster': duty.dutyExportRoster,
  'duty.stationMembers': duty.dutyStationMembers,
  'duty.myShifts': duty.dutyMyShifts,
  'duty.signIn': duty.dutySignIn,
  'duty.signOut': duty.dutySignOut,
  'duty.requestLeave': duty.dutyRequestLeave,
  'duty.answerSwap': duty.dutyAnswerSwap,
  'duty.decideLeave': duty.dutyDecideLeave,
  'duty.listLeaves': duty.dutyListLeaves,
  'duty.myRequests': duty.dutyMyRequests,
  'duty.recordReception': duty.dutyRecordReception,
  'duty.listReceptions': duty.dutyListReceptions,
  'duty.board': duty.dutyBoard,
  'duty.stationDuty': duty.dutyStationDuty,
  'duty.stationCode': duty.dutyStationCode,
  'concern.submit': concern.concernSubmit,
  'concern.listMine': concern.concernListMine,
  'concern.listForStaff': concern.concernListForStaff,
  'concern.exportQueue': concern.concernExportQueue,
  'concern.get': concern.concernGet,
  'concern.accept': concern.concernAccept,
  'concern.reject': concern.concernReject,
  'concern.markDuplicate': concern.concernMarkDuplicate,
  'concern.duplicateCandidates': concern.concernDuplicateCandidates,
  'concern.assign': concern.concernAssign,
  'concern.assigneeOptions': concern.concernAssigneeOptions,
  'concern.addNote': concern.concernAddNote,
  'concern.close': concern.concernClose,
  'concern.link': concern.concernLink,
  'concern.figures': concern.concernFigures,
  'concern.listAssigned': concern.concernListAssigned,
  'concern.start': concern.concernStart,
  'concern.reply': concern.concernReply,
  'concern.rate': concern.concernRate,
  'concern.reopen': concern.concernReopen,
  'concern.withdraw': concern.concernWithdraw,
  'concern.getSettings': concern.concernGetSettings,
  'concern.saveSettings': concern.concernSaveSettings,
  'concern.retention': concern.concernRetention,
  'notice.options': notice.noticeOptions,
  'notice.resolve': notice.noticeResolve,
  'notice.send': notice.noticeSend,
  'notice.list': notice.noticeList,
  'notice.followUp': notice.noticeFollowUp,
  'notice.remind': notice.noticeRemind,
  'notice.export': notice.noticeExport,
  'notice.cancel': notice.noticeCancel,
  'notice.get': notice.noticeGet,
  'notice.reply': notice.noticeReply,
  'liaison.log': liaison.liaisonLog,
  'liaison.mine': liaison.liaisonMine,
  'liaison.formOptions': liaison.liaisonFormOptions,
  'liaison.saveContact': liaison.liaisonSaveContact,
  'liaison.removeContact': liaison.liaisonRemoveContact,
  'liaison.saveBase': liaison.liaisonSaveBase,
  'liaison.savePairing': liaison.liaisonSavePairing,
  'liaison.removePairing': liaison.liaisonRemovePairing,
  'liaison.scorecard': liaison.liaisonScorecard,
  'liaison.dossier': liaison.liaisonDossier,
  'liaison.grid': liaison.liaisonGrid,
  'liaison.remind': liaison.liaisonRemind,
  'liaison.list': liaison.liaisonList,
  'liaison.export': liaison.liaisonExport,
  'liaison.progress': liaison.liaisonProgress,
  'liaison.getQuota': liaison.liaisonGetQuota,
  'liaison.saveQuota': liaison.liaisonSaveQuota,
  'liaison.gridGroups': liaison.liaisonGridGroups,
  'liaison.gridOptions': liaison.liaisonGridOptions,
  'liaison.gridAdd': liaison.liaisonGridAdd,
  'liaison.gridRemove': liaison.liaisonGridRemove,
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionInput<N extends ActionName> = Input<(typeof ACTIONS)[N]['input']>;
export type ActionParsed<N extends ActionName> = Output<(typeof ACTIONS)[N]['input']>;
export type ActionOutput<N extends ActionName> = (typeof ACTIONS)[N]['result'];

export * from './account';
export * from './org';
export * from './concern';
export * from './duty';
export * from './notice';
export * from './liaison';
export * from './exportJob';
