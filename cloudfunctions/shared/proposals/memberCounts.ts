/**
 * Proposals per member, for the figures and for the quarterly assessment (PRODUCT.md §9: "proposals
 * filed"): counted as proposer, submitted = anything past the draft, filed = 立案 and every state
 * after it. Shared so the assessment's function can count the same way without calling this one.
 */
import type { Proposal } from '@lxq/types';
import { proposalsOfYear } from '../data/proposals';

export const SUBMITTED_STATES: ReadonlySet<string> = new Set([
  'submitted',
  'filed',
  'not_filed',
  'merged',
  'assigned',
  'answered',
  'rehandling',
  'closed',
]);
export const FILED_STATES: ReadonlySet<string> = new Set(['filed', 'assigned', 'answered', 'rehandling', 'closed']);

export interface MemberProposalCount {
  memberId: string;
  name: string;
  submitted: number;
  filed: number;
}

export function countByMember(list: Proposal[]): MemberProposalCount[] {
  const members = new Map<string, MemberProposalCount>();
  for (const p of list) {
    if (!SUBMITTED_STATES.has(p.status)) continue;
    const m = members.get(p.proposerId) ?? { memberId: p.proposerId, name: p.proposerName, submitted: 0, filed: 0 };
    m.submitted++;
    if (FILED_STATES.has(p.status)) m.filed++;
    members.set(p.proposerId, m);
  }
  return [...members.values()].sort((a, b) => b.submitted - a.submitted);
}

/** Per member of a unit's subtree, the proposals they submitted in a (China) year and how many were filed. */
export async function memberProposalCounts(unitId: string, year: number): Promise<MemberProposalCount[]> {
  const all: Proposal[] = [];
  for (let skip = 0; skip < 10_000; skip += 1000) {
    const chunk = await proposalsOfYear(unitId, year, skip, 1000);
    all.push(...chunk);
    if (chunk.length < 1000) break;
  }
  return countByMember(all);
}
