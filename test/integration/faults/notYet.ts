/**
 * Mutations without a scenario yet, each with why: the test below fails when a mutation is in
 * neither list, so a new action must be given a scenario (or a reason) when it is added.
 */
export const NOT_YET: Record<string, string> = {
  // Found by this suite, to fix in their actions (each fails as described when given a scenario):
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
