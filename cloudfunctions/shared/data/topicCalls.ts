import type { TopicCall, TopicProposal } from '@lxq/types';
import { _, db } from '../cloud';
import { readCounting, type DurableCount } from '../limits';
import { nextBumpTag, requestMark } from '../resume';
import { changeMark } from '../rewind';

/* 公开征题: calls, the proposals made to them, and who backed which (one backing per person). */
const calls = () => db.collection('topic_calls');
const proposals = () => db.collection('topic_proposals');
const backings = () => db.collection('topic_backings');

export async function insertCall(c: TopicCall): Promise<void> {
  await calls().add({ data: c });
}

export async function getCall(id: string): Promise<TopicCall | null> {
  const { data } = await calls().where({ _id: id }).limit(1).get();
  return (data[0] as TopicCall) ?? null;
}

/** A unit's calls still open at `now` (unit_closes index). */
export async function openCallsOfUnit(unitId: string, now: Date): Promise<TopicCall[]> {
  const { data } = await calls()
    .where({ unitId, closesAt: _.gt(now) })
    .orderBy('closesAt', 'desc')
    .limit(10)
    .get();
  return data as TopicCall[];
}

export async function insertProposal(p: TopicProposal): Promise<void> {
  await proposals().add({ data: p });
}

/** A call, and the caller's recent calls of the action counted in the same request (limits.ts). */
export const getCallCounting = (id: string, count: DurableCount) => readCounting<TopicCall>('topic_calls', id, count);

/** A proposal, and the caller's recent calls of the action counted in the same request (limits.ts). */
export const getProposalCounting = (id: string, count: DurableCount) =>
  readCounting<TopicProposal>('topic_proposals', id, count);

export async function getProposal(id: string): Promise<TopicProposal | null> {
  const { data } = await proposals().where({ _id: id }).limit(1).get();
  return (data[0] as TopicProposal) ?? null;
}

/** A call's proposals, most backed first (call_backers index). */
export async function proposalsOfCall(callId: string, limit = 50): Promise<TopicProposal[]> {
  const { data } = await proposals().where({ callId }).orderBy('backers', 'desc').limit(limit).get();
  return data as TopicProposal[];
}

/**
 * Stores the backing under `${proposal}:${openid}`, with the request's mark: a second one by the
 * same person fails on the key, while the request that stored it knows it as its own on a retry.
 */
export async function insertBacking(p: TopicProposal, openid: string, at: Date): Promise<void> {
  const data = { _id: `${p._id}:${openid}`, proposalId: p._id, callId: p.callId, openid, at, mark: requestMark() };
  await backings().add({ data });
}

/** Whether this request stored the person's backing (it is being retried after dying past it). */
export async function backedByThisRequest(proposalId: string, openid: string): Promise<boolean> {
  const { data } = await backings()
    .where({ _id: `${proposalId}:${openid}` })
    .limit(1)
    .get();
  return !!requestMark() && (data[0] as { mark?: string } | undefined)?.mark === requestMark();
}

/**
 * Adds one to a counter once per request: the increment carries the request's tag and the
 * document keeps the last tags, so a resumed request repeating it changes nothing (resume.ts).
 * Answers whether it counted.
 */
async function countOnce(collection: string, id: string, field: string): Promise<boolean> {
  const tag = nextBumpTag();
  const where = tag ? { _id: id, bumps: _.neq(tag) } : { _id: id };
  const data = { [field]: _.inc(1), ...(tag ? { bumps: _.push({ each: [tag], slice: -BUMP_TAGS_KEPT }) } : {}) };
  const res = await db.collection(collection).where(where).update({ data });
  return res.stats.updated === 1;
}

/** Far more than the requests that can be resuming at once on one call or proposal. */
const BUMP_TAGS_KEPT = 200;

export const countBacking = (proposalId: string) => countOnce('topic_proposals', proposalId, 'backers');

export const countProposal = (callId: string) => countOnce('topic_calls', callId, 'proposals');

/** Which of a call's proposals this person backed (call_person index). */
export async function backedBy(callId: string, openid: string): Promise<Set<string>> {
  const { data } = await backings().where({ callId, openid }).limit(1000).get();
  return new Set((data as { proposalId: string }[]).map((b) => b.proposalId));
}

/**
 * Marks the proposal (`p` as found) as made a topic, only while it is not one yet, with the
 * request's mark (rewind.ts); answers whether it applied.
 */
export async function markProposalTopic(p: TopicProposal, topic: { id: string; title: string }): Promise<boolean> {
  const res = await proposals()
    .where({ _id: p._id, topic: _.exists(false) })
    .update({ data: { topic, ...changeMark(p, { topic }) } });
  return res.stats.updated === 1;
}
