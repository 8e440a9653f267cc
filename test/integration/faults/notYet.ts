/**
 * Mutations without a scenario yet, each with why: the test below fails when a mutation is in
 * neither list, so a new action must be given a scenario (or a reason) when it is added.
 */
export const NOT_YET: Record<string, string> = {
  // Empty: every mutation has a scenario in faults/core.ts, core2.ts, topic.ts, office.ts or admin.ts.
};
