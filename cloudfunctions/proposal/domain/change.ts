/**
 * The one way a proposal moves after it is drafted: the state machine says whether the action is
 * allowed, a guarded update applies it only while the proposal is still where the caller found it
 * (two reviewers cannot both decide), and the timeline gets the event in the same write. The
 * request's mark rides along, so a retry of a call that died after this write knows it as its own
 * (resume.ts). One database round trip.
 */
import type { Proposal, ProposalAction, ProposalEvent, ProposalStatus } from '@lxq/types';
import { _ } from '../../shared/cloud';
import { changeProposal, getProposal } from '../../shared/data/proposals';
import { invalidState } from '../../shared/errors';
import { requestMark } from '../../shared/resume';
import { alreadyChanged } from '../../shared/rewind';
import { next, refusal } from './stateMachine';

export interface Move {
  proposal: Proposal;
  /** A status change, or null for a change that keeps the status (a co-signer's answer, a 签收). */
  action: ProposalAction | null;
  by: { openid: string; name: string };
  now: Date;
  event: string;
  note?: string;
  internal?: boolean;
  set?: Record<string, unknown>;
  /** Further conditions the stored proposal must still meet. */
  where?: Record<string, unknown>;
  /** The refusal when the status allowed it but `where` no longer matched. */
  otherwise?: string;
}

/**
 * This request already changed the proposal before it died (resume.ts): its checks of the state
 * it found must not refuse the retry, which finishes what came after the change.
 */
export const resumedOn = (p: Proposal) => !!requestMark() && p.lastMark === requestMark();

export async function moveProposal(m: Move): Promise<ProposalStatus> {
  const p = m.proposal;
  const mark = requestMark();
  if (resumedOn(p)) return p.status;
  const to = m.action ? next(p.status, m.action) : p.status;
  if (!to) throw invalidState(refusal(p.status, m.action!));
  // Made by this request before it died (the proposal was loaded as it found it): go on from there.
  if (alreadyChanged(p)) return to;
  const event: ProposalEvent = {
    at: m.now,
    by: m.by.openid,
    byName: m.by.name,
    action: m.event,
    ...(m.note ? { note: m.note } : {}),
    ...(m.internal ? { internal: true } : {}),
  };
  const applied = await changeProposal(
    p._id,
    p.status,
    { ...m.set, status: to, updatedAt: m.now, events: _.push([event]), ...(mark ? { lastMark: mark } : {}) },
    m.where,
    p,
  );
  if (!applied) {
    // Moved on by someone else in the meantime, or this very request made the change before it died.
    const now = await getProposal(p._id);
    if (now && (resumedOn(now) || alreadyChanged(now))) return to;
    throw invalidState(m.otherwise ?? '提案已被他人处理，请刷新后再试');
  }
  return to;
}
