/** Failures that converge (issue 18), for consultation topics' mutations: see faults/harness.ts. */
import { TEMPLATES } from '@lxq/types';
import { planFault } from '../../emulator/db/faults';
import { faultSuite, sys } from './faults/harness';
import { meetingFor, proposalOfCall, TOPIC } from './faults/topic';
import { newRequestId, WHO } from './system';

faultSuite(TOPIC);

/** Calls once with its `n`th round trip failed as `when`; answers how to retry it (the same requestId). */
async function failedThenRetried(
  openid: string,
  name: 'topic.checkIn' | 'topic.adoptProposal',
  input: object,
  n: number,
  when: 'before' | 'after',
) {
  const requestId = newRequestId();
  planFault({ fn: 'topic', n, when });
  const first = await sys
    .as(openid)
    .call(name, input as never, requestId)
    .catch((err: unknown) => String(err));
  expect(planFault(null)).toBe(true);
  expect((first as { ok?: boolean }).ok).not.toBe(true);
  return { retry: () => sys.as(openid).call(name, input as never, requestId) };
}

const STAFF = WHO.huiningStaff;

describe('what a retry decides by the first call', () => {
  test('when a sign-in died after it was stored and its retry comes once sign-in has closed, then the retry answers on time, as the first call would have, and the member is counted once', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const c = 'o_fault_checkin_late';
    const { topicId, code } = await meetingFor(c);
    // Trips: the topic, the sign-in, the audit entry: the call dies right after the sign-in applied.
    const { retry } = await failedThenRetried(c, 'topic.checkIn', { code }, 2, 'after');
    quiet.mockRestore();
    const row = `meeting:${topicId}:user-${c}`;
    const stored = (await sys.db.collection('topic_participation').doc(row).get()).data;
    expect(stored).toMatchObject({ outcome: 'on_time' });
    // The meeting has begun and its sign-in closed when the retry comes: a fresh sign-in is refused.
    const past = new Date(Date.now() - 60_000);
    await sys.db
      .collection('topics')
      .doc(topicId)
      .update({ data: { 'meeting.at': new Date(Date.now() - 3_600_000), 'meeting.closesAt': past } });
    const again = await retry();
    expect(again).toEqual({
      ok: true,
      data: {
        topicId,
        title: '老旧小区停车难协商会',
        outcome: 'on_time',
        signedInAt: stored.signedInAt.toISOString(),
        already: false,
      },
    });
    expect((await sys.db.collection('topic_participation').doc(row).get()).data).toMatchObject({
      outcome: 'on_time',
      signedInAt: stored.signedInAt,
    });
    const { data: audit } = await sys.db.collection('audit').where({ action: 'topic.checkIn', actor: c }).get();
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ outcome: 'on_time' });
  });

  test('when an adoption died after marking the proposal, then its retry makes the topic and tells the proposer; when it died at its audit entry, after telling, the retry tells no one again', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const told = (openid: string) => sys.emulator.outbox().filter((m) => m.touser === openid).length;
    // Trips: the caller, the proposal, the mark, the topic, the audit entry.
    for (const [n, when, proposer, toldBeforeRetry] of [
      [3, 'after', 'o_fault_adopt_mark', 0],
      [5, 'before', 'o_fault_adopt_audit', 1],
    ] as const) {
      // Two subscriptions left: a second push would go out, and be counted.
      for (const _ of [1, 2]) {
        await fetch(`${sys.emulator.url}/__cloud/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid: proposer, templateIds: [TEMPLATES.taskReminder.id], result: 'accept' }),
        });
      }
      const id = await proposalOfCall(proposer, proposer);
      const { retry } = await failedThenRetried(STAFF, 'topic.adoptProposal', { id, form: 'micro' }, n, when);
      const marked = (await sys.db.collection('topic_proposals').doc(id).get()).data;
      expect(marked.topic).toMatchObject({ title: '小区加装电梯' });
      expect({ n, told: told(proposer) }).toEqual({ n, told: toldBeforeRetry });
      const answer = await retry();
      expect(answer).toEqual({ ok: true, data: { _id: marked.topic.id } });
      expect({ n, told: told(proposer) }).toEqual({ n, told: 1 });
      const topic = (await sys.db.collection('topics').doc(marked.topic.id).get()).data;
      expect(topic).toMatchObject({ source: 'call', fromCallProposal: { id } });
      const { data: audit } = await sys.db
        .collection('audit')
        .where({ action: 'topic.adoptProposal', target: `topic_proposals/${id}` })
        .get();
      expect(audit).toHaveLength(1);
    }
    quiet.mockRestore();
  });
});
