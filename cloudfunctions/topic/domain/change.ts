/**
 * The one way a topic changes after it is raised: the state machine (steps.ts) says whether the
 * action may be taken now, and one conditional update applies it only while the topic is still at
 * the step, and open, as the caller loaded it (1 database round trip). A refusal, or a change
 * someone else made first, is INVALID_STATE and writes nothing.
 */
import type { Topic, TopicAction, TopicStepRecord } from '@lxq/types';
import { changeTopicWhere, getTopic, type TopicChange } from '../../shared/data/topics';
import { invalidState, notFound } from '../../shared/errors';
import { alreadyChanged, changeMark } from '../../shared/rewind';
import { MISSING } from './load';
import { refusal, stepAfter } from './steps';

export interface TopicChangeRequest {
  topic: Topic;
  action: TopicAction;
  /** The step record this change adds (its step is the step it was done in). */
  record?: Omit<TopicStepRecord, 'step'>;
  set?: Record<string, unknown>;
  push?: TopicChange['push'];
  /** Further conditions (an item still without a result …). */
  where?: Record<string, unknown>;
  now: Date;
}

/** Refuses (INVALID_STATE) an action the topic's step does not allow, before its input is looked at further. */
export function mustAllow(t: Topic, action: TopicAction): void {
  const why = refusal(t, action);
  if (why) throw invalidState(why);
}

export async function changeTopic(r: TopicChangeRequest): Promise<Topic> {
  const t = r.topic;
  mustAllow(t, r.action);
  const step = stepAfter(t, r.action);
  const set: Record<string, unknown> = { ...(r.set ?? {}), step, updatedAt: r.now };
  const record = r.record ? { ...r.record, step: t.step } : null;
  const push = { ...(r.push ?? {}), ...(record ? { records: [record] } : {}) };
  const after = { ...t, ...set, records: record ? [...t.records, record] : t.records } as Topic;
  // This request made the change before it died (the topic was loaded as it found it): go on from there.
  if (alreadyChanged(t)) return after;
  const where = { step: t.step, closedAt: null, ...(r.where ?? {}) };
  const applied = await changeTopicWhere(t._id, where, { set: { ...set, ...changeMark(t, set, push) }, push });
  if (!applied) {
    const now = await getTopic(t._id);
    if (!now) throw notFound(MISSING);
    throw invalidState(refusal(now, r.action) ?? '该议题刚被他人处理过，请刷新后再试');
  }
  return after;
}
