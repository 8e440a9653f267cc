/**
 * Proposals per member, for the figures and for the quarterly assessment (PRODUCT.md §9: "proposals
 * filed"): counted as proposer, submitted = anything past the draft, filed = 立案 and every state
 * after it. Shared so the assessment's function can count the same way without calling this one.
 */
import type { Proposal } from '@lxq/types';
import { $, _, db } from '../cloud';
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

/**
 * The most proposers one subtree-wide count groups; LXQ_PROPOSAL_COUNT_MAX_PROPOSERS lowers it so
 * a test can reach it without seeding thousands.
 */
const maxProposers = () => Number(process.env.LXQ_PROPOSAL_COUNT_MAX_PROPOSERS) || 10000;

/**
 * The same counts for a period within a year (the assessment's quarter), as one aggregate on
 * proposals.unit_year_submitted: the database counts, by the same two sets of states. Given
 * `proposerIds` (the chunk of members the assessment asks about), only theirs: a province has
 * more proposers than one answer's group limit, and none past it may be dropped.
 */
export async function memberProposalCountsBetween(
  unitId: string,
  year: number,
  start: Date,
  end: Date,
  proposerIds?: string[],
): Promise<MemberProposalCount[]> {
  if (proposerIds && !proposerIds.length) return [];
  const { list } = await db
    .collection('proposals')
    .aggregate()
    .match({
      unitPath: unitId,
      year,
      submittedAt: _.gte(start).and(_.lt(end)),
      status: _.in([...SUBMITTED_STATES]),
      ...(proposerIds ? { proposerId: _.in(proposerIds) } : {}),
    })
    .group({
      _id: '$proposerId',
      name: $.first('$proposerName'),
      submitted: $.sum(1),
      filed: $.sum($.cond([$.in(['$status', [...FILED_STATES]]), 1, 0])),
    })
    // One group per asked proposer at most: their number is the limit, whatever the subtree's size.
    .limit(proposerIds ? proposerIds.length : maxProposers())
    .end();
  return (list as { _id: string; name: string; submitted: number; filed: number }[]).map(({ _id, ...r }) => ({
    memberId: _id,
    ...r,
  }));
}
