/**
 * What the people whose concerns fed a topic are told: when the topic is raised, that their
 * concern feeds a consultation (the concern's link, 有新进展, a subscribe message); when a result
 * is recorded, the results so far on their concern (one update for all the concerns) and a
 * subscribe message each. A failed push never fails the change.
 */
import type { ConcernTopicOutcome, Topic } from '@lxq/types';
import { detailPage } from '../../shared/concerns/tell';
import { setTopicOutcome } from '../../shared/data/concerns';
import { sendSubscribeMessage } from '../../shared/notify';

export function outcomeOf(t: Topic): ConcernTopicOutcome {
  return {
    topicId: t._id,
    title: t.title,
    results: t.items
      .filter((i) => !!i.result)
      .map((i) => ({ no: i.no, suggestion: i.suggestion, result: i.result!, at: i.resultAt! })),
    closed: !!t.closedAt,
  };
}

/** Tells every submitter whose concern fed the topic what it has come to; answers how many concerns. */
export async function tellSubmitters(t: Topic, note: string, now: Date): Promise<number> {
  if (!t.concerns.length) return 0;
  const updated = await setTopicOutcome(
    t.concerns.map((c) => c.concernId),
    t._id,
    outcomeOf(t),
  );
  for (const c of t.concerns) {
    if (!c.submitterOpenid) continue;
    const outcome = await sendSubscribeMessage(c.submitterOpenid, 'concernStatus', detailPage(c.concernId), {
      thing1: c.title,
      phrase2: t.closedAt ? '协商办结' : '协商有结果',
      time3: now,
      thing4: note,
    });
    if (outcome === 'error') console.error('[push topic result]', t._id, c.concernId);
  }
  return updated;
}
