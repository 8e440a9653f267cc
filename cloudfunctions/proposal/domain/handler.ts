import type { Assignment, Proposal } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { getProposal } from '../../shared/data/proposals';
import { forbidden, notFound } from '../../shared/errors';
import { MISSING } from './load';
import { resumedOn } from './change';

export interface HandlerCase {
  proposal: Proposal;
  /** The caller's unit's assignment and its index. */
  mine: Assignment;
  at: number;
  by: { openid: string; name: string };
  handlingUnitId: string;
}

/**
 * The handling unit's person and their unit's part of the proposal. A proposal not given to their
 * unit (or one it returned) does not exist for them.
 */
export async function handlerCase(ctx: ActionContext, id: string): Promise<HandlerCase> {
  const user = await ctx.user();
  const handlingUnitId = user.handlingUnitId;
  if (!handlingUnitId) throw forbidden('您的账号没有绑定承办单位');
  const proposal = await getProposal(id);
  // A retry of this request's own 退回 still finds the unit's part (the unit is off the list by then).
  if (!proposal || (!proposal.handlingUnitIds.includes(handlingUnitId) && !resumedOn(proposal)))
    throw notFound(MISSING);
  const at = proposal.assignments.findIndex((a) => a.handlingUnitId === handlingUnitId);
  return { proposal, mine: proposal.assignments[at], at, by: { openid: ctx.openid, name: user.name }, handlingUnitId };
}

/** The guard of a change to one assignment: every assignment still as loaded (two units answering at once). */
export const assignmentsAsLoaded = (p: Proposal) =>
  Object.fromEntries(p.assignments.map((a, i) => [`assignments.${i}.status`, a.status]));
