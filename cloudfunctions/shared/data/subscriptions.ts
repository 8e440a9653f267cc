import { createHash } from 'node:crypto';
import type { SubscriptionAnswer, SubscriptionRecord, TemplateKey } from '@lxq/types';
import { _, db } from '../cloud';
import { isDuplicateKey } from '../errors';
import { nextBumpTag } from '../resume';

const subscriptions = () => db.collection('subscriptions');

/**
 * Adds what the person answered on one tap (several templates at once) to their one record:
 * one round trip, two the first time they ever answer (the record is made then).
 */
export async function recordAnswers(
  openid: string,
  answers: { template: TemplateKey; answer: SubscriptionAnswer }[],
  at: Date,
): Promise<void> {
  const _id = createHash('sha1').update(`subscriptions|${openid}`).digest('hex').slice(0, 24);
  const tally: Partial<Record<TemplateKey, { accepted: number; refused: number; lastAnswer: SubscriptionAnswer }>> = {};
  for (const { template, answer } of answers) {
    const t = (tally[template] ??= { accepted: 0, refused: 0, lastAnswer: answer });
    if (answer === 'accept') t.accepted++;
    else t.refused++;
    t.lastAnswer = answer;
  }
  const patch: Record<string, unknown> = { updatedAt: at };
  for (const [template, t] of Object.entries(tally)) {
    patch[`templates.${template}.accepted`] = _.inc(t.accepted);
    patch[`templates.${template}.refused`] = _.inc(t.refused);
    patch[`templates.${template}.lastAnswer`] = t.lastAnswer;
  }
  // Tagged with the request, so a retry after a crash does not count the answers twice (resume.ts).
  const tag = nextBumpTag();
  if (tag) patch.bumps = _.push({ each: [tag], slice: -50 });
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await subscriptions()
      .where({ _id, ...(tag ? { bumps: _.neq(tag) } : {}) })
      .update({ data: patch });
    if (res.stats.updated === 1) return;
    const record = {
      _id,
      openid,
      templates: tally,
      updatedAt: at,
      ...(tag ? { bumps: [tag] } : {}),
    } as SubscriptionRecord;
    try {
      await subscriptions().add({ data: record });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // made meanwhile by another tap: add to it instead
    }
  }
}
