/**
 * Mutations without a scenario yet, each with why: the test below fails when a mutation is in
 * neither list, so a new action must be given a scenario (or a reason) when it is added.
 */
export const NOT_YET: Record<string, string> = {
  // Found by this suite, to fix in their actions (each fails as described when given a scenario):
  'concern.link':
    'FAILS: a retry after the link was stored audits nothing (target "", after null): link.ts returns before ctx.audit',
  'liaison.saveBase': 'FAILS: a retry after the save audits `before` as the saved base instead of null',
  'duty.requestLeave':
    'FAILS: a retry after the leave request was stored answers INVALID_STATE 该班次已有待处理的申请 instead of its first answer',
  'notice.send':
    'its delivery is kicked after the call, so which run sees the inbox items and receipts depends on timing',
  'account.createInvitation': 'its answer carries a random code; durable limit of 30 an hour per staff member',
  'account.endSession': 'needs a signed-in PC session per run',
  'account.webLoginConfirm': 'needs a PC showing a code per run',
  'account.webLoginRefuse': 'needs a PC showing a code per run',
  'account.webLoginStart': 'its answer carries a random QR image',
  'concern.saveSettings': 'one document per unit: runs would undo each other',
  'concern.subjectExport': 'its answer names a time-stamped file',
  'duty.answerSwap': 'needs a swap request between two members per run',
  'duty.cancelShift': 'needs a fresh shift per run (not written yet)',
  'duty.createShift': 'needs a free slot per run (not written yet)',
  'duty.decideLeave': 'needs a leave request per run (not written yet)',
  'duty.planRotation': 'writes a whole roster: too large for each N',
  'duty.updateShift': 'needs a fresh shift per run (not written yet)',
  'liaison.gridAdd': 'needs a leader and a group per run',
  'liaison.gridRemove': 'needs a grid entry per run',
  'liaison.remind': 'one reminder per member per day',
  'liaison.removeContact': 'needs a contact per run (not written yet)',
  'liaison.removePairing': 'needs a pairing per run (not written yet)',
  'liaison.saveQuota': 'one document per unit: runs would undo each other',
  'notice.cancel': 'needs a scheduled notice per run (not written yet)',
  'notice.remind': 'needs a delivered notice per run',
  'notice.reply': 'needs a delivered meeting notice per run',
  'org.createWorkstation': 'its answer carries a random QR scene',
  'org.saveCalendarYear': 'one document per year: runs would undo each other',
  'org.updateWorkstation': 'one station: runs would undo each other',
  // The domains of the last wave (faults/topic.ts, office.ts, admin.ts cover the rest):
  'admin.importCommit':
    'its answer carries each invitation’s random code (not comparable across runs); a retry after the insert may answer codes never stored: to check',
  'admin.resendInvitation': 'its answer carries a new random code',
  'exportJob.start':
    'its answer names a time-stamped file, and a big table runs on in chained worker runs after the call',
  'topic.arrangeMeeting': 'consultation topics (issue 14): scenario not written yet',
  'topic.checkIn': 'consultation topics (issue 14): scenario not written yet',
  'topic.assignResearch': 'consultation topics (issue 14): scenario not written yet',
  'topic.closeTask': 'consultation topics (issue 14): scenario not written yet',
  'topic.adoptProposal': '公开征题 turned into a topic (issue 15): scenario not written yet',
};
