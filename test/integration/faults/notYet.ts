/**
 * Mutations without a scenario yet, each with why: the test below fails when a mutation is in
 * neither list, so a new action must be given a scenario (or a reason) when it is added.
 */
export const NOT_YET: Record<string, string> = {
  // Found by this suite, to fix in their actions (each fails as described when given a scenario):
  'duty.decideLeave':
    'FAILS: a retry after the shift was updated answers CONFLICT 班次刚被修改 (the shift update is guarded by updatedAt, which this request moved)',
  'org.updateWorkstation':
    'FAILS: a retry after the update audits `before` as the updated station (the update is unconditional, so it converges otherwise)',
  'duty.planRotation':
    "its round trips vary between calls (a warm instance has the year's calendar already), so the Nth trip of a retried call is not the clean call's Nth: needs counting per call before it can run",
  'org.saveCalendarYear':
    'one document per year, copied into every concern bucket: a run cannot yet be given a year of its own (the copy stays)',
  // The domains of the last wave (faults/topic.ts, office.ts, admin.ts cover the rest):
};
