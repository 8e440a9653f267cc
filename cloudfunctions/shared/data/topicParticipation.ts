import type { MeetingParticipation, ResearchParticipation, TopicParticipation } from '@lxq/types';
import { _, db } from '../cloud';
import { isDuplicateKey } from '../errors';
import { alreadyChanged, changeMark } from '../rewind';

const rows = () => db.collection('topic_participation');

export const meetingRowId = (topicId: string, userId: string) => `meeting:${topicId}:${userId}`;

/** The most rows one topic or one member is read with: a meeting of a county's members fits. */
const CAP = 1000;
const CHUNK = 500;

/**
 * Writes the rows, 500 per round trip. A call that died half way and runs again finds some
 * already there: those are kept, the rest added one by one.
 */
export async function insertParticipations(docs: TopicParticipation[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    try {
      await rows().add({ data: chunk });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      for (const d of chunk) {
        try {
          await rows().add({ data: d });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    }
  }
}

/** A topic's meeting invitations and research tasks (topic_kind index). */
export async function participationOfTopic(topicId: string): Promise<TopicParticipation[]> {
  const { data } = await rows().where({ topicId }).limit(CAP).get();
  return data as TopicParticipation[];
}

/** A member's meetings and tasks, latest first (user_counted index); open tasks (not counted yet) come first. */
export async function participationOfUser(userId: string, limit = 100): Promise<TopicParticipation[]> {
  const { data } = await rows().where({ userId }).orderBy('countedAt', 'desc').limit(limit).get();
  return data as TopicParticipation[];
}

export async function getParticipation(id: string): Promise<TopicParticipation | null> {
  const { data } = await rows().where({ _id: id }).limit(1).get();
  return (data[0] as TopicParticipation) ?? null;
}

/**
 * Signs the caller in on their own invitation (found by openid: no user lookup), only while it is
 * still pending: one round trip that checks and writes, so a twin request cannot sign in twice.
 * The row keeps the request's mark (rewind.ts), so a retry of it knows the sign-in as its own.
 * Answers whether it applied.
 */
export async function signInToMeeting(
  topicId: string,
  openid: string,
  patch: Pick<MeetingParticipation, 'outcome' | 'signedInAt'>,
): Promise<boolean> {
  const pending = { outcome: 'pending', signedInAt: null };
  const res = await rows()
    .where({ topicId, kind: 'meeting', openid, outcome: 'pending' })
    .update({ data: { ...patch, ...changeMark(pending, patch) } });
  return res.stats.updated === 1;
}

/** The caller's own invitation to a topic's meeting, if any. */
export async function myMeetingRow(topicId: string, openid: string): Promise<MeetingParticipation | null> {
  const { data } = await rows().where({ topicId, kind: 'meeting', openid }).limit(1).get();
  return (data[0] as MeetingParticipation) ?? null;
}

/**
 * Closes the caller's own open task (`task` as they found it); the task then counts from when it
 * was done. Answers whether it applied: true again for a retry of the request that closed it.
 */
export async function closeResearchTask(
  task: ResearchParticipation,
  openid: string,
  patch: Pick<ResearchParticipation, 'note' | 'liaisonRecordId' | 'doneAt'>,
): Promise<boolean> {
  if (alreadyChanged(task)) return true;
  const set = { ...patch, status: 'done', countedAt: patch.doneAt };
  const res = await rows()
    .where({ _id: task._id, openid, kind: 'research', status: 'open' })
    .update({ data: { ...set, ...changeMark(task, set) } });
  return res.stats.updated === 1;
}

/** Members already given a task on this topic (a second one with the same words is refused). */
export async function openTasksOf(topicId: string, userIds: string[]): Promise<ResearchParticipation[]> {
  const { data } = await rows()
    .where({ topicId, kind: 'research', userId: _.in(userIds) })
    .limit(CAP)
    .get();
  return data as ResearchParticipation[];
}

/**
 * Research tasks still open after `today` (a China date) and not yet reminded that day, oldest
 * due first (kind_status_due index), without those in `skip`: marking each reminded takes it off
 * the next page, so a run that stopped part-way is taken up where it stopped.
 */
export async function overdueResearchToRemind(
  today: string,
  limit: number,
  skip: string[] = [],
): Promise<ResearchParticipation[]> {
  const { data } = await rows()
    .where({
      kind: 'research',
      status: 'open',
      dueOn: _.lt(today),
      remindedOn: _.neq(today),
      ...(skip.length ? { _id: _.nin(skip) } : {}),
    })
    .orderBy('dueOn', 'asc')
    .limit(limit)
    .get();
  return data as ResearchParticipation[];
}

export async function markResearchReminded(ids: string[], today: string): Promise<void> {
  if (ids.length)
    await rows()
      .where({ _id: _.in(ids) })
      .update({ data: { remindedOn: today } });
}
