import type { TopicCall, TopicProposal } from '@lxq/types';
import { _, db } from '../cloud';
import { readCounting, type DurableCount } from '../limits';

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

/** Stores the backing under `${proposal}:${openid}`: a second one by the same person fails on the key. */
export async function insertBacking(p: TopicProposal, openid: string, at: Date): Promise<void> {
  await backings().add({ data: { _id: `${p._id}:${openid}`, proposalId: p._id, callId: p.callId, openid, at } });
}

export async function countBacking(proposalId: string): Promise<void> {
  await proposals()
    .where({ _id: proposalId })
    .update({ data: { backers: _.inc(1) } });
}

/** Which of a call's proposals this person backed (call_person index). */
export async function backedBy(callId: string, openid: string): Promise<Set<string>> {
  const { data } = await backings().where({ callId, openid }).limit(1000).get();
  return new Set((data as { proposalId: string }[]).map((b) => b.proposalId));
}

export async function countProposal(callId: string): Promise<void> {
  await calls()
    .where({ _id: callId })
    .update({ data: { proposals: _.inc(1) } });
}

/** Marks the proposal as made a topic, only while it is not one yet; answers whether it applied. */
export async function markProposalTopic(id: string, topic: { id: string; title: string }): Promise<boolean> {
  const res = await proposals()
    .where({ _id: id, topic: _.exists(false) })
    .update({ data: { topic } });
  return res.stats.updated === 1;
}
