import type { HandlingUnit, Proposal, ProposalSession, ProposalStatus } from '@lxq/types';
import { _, db } from '../cloud';
import { changeMark, rewound } from '../rewind';
import { orderOf } from './listing';
import { pageOf } from './page';

const proposals = () => db.collection('proposals');
const sessions = () => db.collection('proposal_sessions');
const handlingUnits = () => db.collection('handling_units');

/** Stores a new one under the id it carries (from ctx.newId(), so a retry fails on it). */
export async function insertProposal(doc: Proposal): Promise<void> {
  await proposals().add({ data: doc });
}

/**
 * One proposal; to a retry of a call that changed it before dying, as that call found it
 * (rewind.ts), so the retry decides, answers and audits as the first call would have.
 */
export async function getProposal(id: string): Promise<Proposal | null> {
  const { data } = await proposals().where({ _id: id }).limit(1).get();
  return data[0] ? rewound(data[0] as Proposal) : null;
}

export async function getProposalsByIds(ids: string[]): Promise<Proposal[]> {
  if (!ids.length) return [];
  const { data } = await proposals()
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return data as Proposal[];
}

/**
 * The one guarded write of a proposal: applies only while it is still in `from` (and matches
 * `where`), so two reviewers cannot both decide, and records the request (`lastMark`) so a retry
 * of a call that died after it knows the write is its own. Answers whether it applied.
 */
export async function changeProposal(
  id: string,
  from: ProposalStatus,
  set: Record<string, unknown>,
  where: Record<string, unknown> = {},
  /** The proposal as the caller found it: what the write replaces rides along with the request's mark. */
  before?: Proposal,
): Promise<boolean> {
  const { stats } = await proposals()
    .where({ _id: id, status: from, ...where })
    .update({ data: before ? { ...set, ...changeMark(before, set) } : set });
  return stats.updated === 1;
}

/** The proposer's own, newest first. */
export async function proposalsOf(openid: string, limit: number): Promise<Proposal[]> {
  const { data } = await proposals().where({ proposerOpenid: openid }).orderBy('updatedAt', 'desc').limit(limit).get();
  return data as Proposal[];
}

/** Those the person is invited to co-sign (or has), newest first. */
export async function proposalsCosignedBy(openid: string, limit: number): Promise<Proposal[]> {
  const { data } = await proposals().where({ cosignerOpenids: openid }).orderBy('updatedAt', 'desc').limit(limit).get();
  return data as Proposal[];
}

/** Staff's table: submitted proposals of a subtree (drafts are the proposer's own), newest first. */
/**
 * Submitted proposals of a subtree, by submission time over every page (unit_submitted, or
 * unit_session_submitted with a session); the other filters narrow what the index walks.
 */
export async function pageProposals(
  unitId: string,
  where: Record<string, unknown>,
  sort: 'submittedAt' | '-submittedAt' | undefined,
  page: number,
  pageSize: number,
) {
  const status = where.status ?? _.neq('draft');
  return pageOf<Proposal>(
    proposals().where({ unitPath: unitId, ...where, status }),
    orderOf(sort, 'submittedAt'),
    page,
    pageSize,
  );
}

/** A handling unit's assignments, newest first. */
export async function pageAssignedTo(handlingUnitId: string, page: number, pageSize: number) {
  return pageOf<Proposal>(
    proposals().where({ handlingUnitIds: handlingUnitId }),
    ['updatedAt', 'desc'],
    page,
    pageSize,
  );
}

/** Proposals of a subtree in one session (figures), `limit` at a time from `skip`. */
export async function proposalsOfSession(unitId: string, sessionId: string, skip: number, limit: number) {
  const { data } = await proposals()
    .where({ unitPath: unitId, sessionId })
    .orderBy('createdAt', 'desc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as Proposal[];
}

/** Proposals of a subtree submitted in a year (figures: sectors without their sector proposals). */
export async function proposalsOfYear(unitId: string, year: number, skip: number, limit: number) {
  const { data } = await proposals()
    .where({ unitPath: unitId, year })
    .orderBy('createdAt', 'desc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as Proposal[];
}

/** Being handled with a deadline before `today` (the daily 督办 timer). */
export async function overdueProposals(today: string, limit: number): Promise<Proposal[]> {
  const { data } = await proposals()
    .where({ status: _.in(['assigned', 'rehandling']), dueOn: _.lt(today) })
    .limit(limit)
    .get();
  return data as Proposal[];
}

export async function insertSession(doc: ProposalSession): Promise<void> {
  await sessions().add({ data: doc });
}

export async function getSession(id: string): Promise<ProposalSession | null> {
  const { data } = await sessions().where({ _id: id }).limit(1).get();
  return (data[0] as ProposalSession) ?? null;
}

/** The sessions of the unit and its ancestors (a member submits to their own or a higher body), newest first. */
export async function sessionsFor(unitPath: string[]): Promise<ProposalSession[]> {
  const { data } = await sessions()
    .where({ unitId: _.in(unitPath) })
    .orderBy('opensOn', 'desc')
    .limit(20)
    .get();
  return data as ProposalSession[];
}

export async function insertHandlingUnit(doc: HandlingUnit): Promise<void> {
  await handlingUnits().add({ data: doc });
}

export async function handlingUnitsOf(unitId: string): Promise<HandlingUnit[]> {
  const { data } = await handlingUnits().where({ unitPath: unitId }).orderBy('name', 'asc').limit(100).get();
  return data as HandlingUnit[];
}

export async function getHandlingUnits(ids: string[]): Promise<HandlingUnit[]> {
  if (!ids.length) return [];
  const { data } = await handlingUnits()
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return data as HandlingUnit[];
}
