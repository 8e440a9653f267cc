import { createHash } from 'node:crypto';
import type { TemplateKey } from '@lxq/types';
import { _, db } from '../cloud';
import { isDuplicateKey } from '../errors';

const subscriptions = () => db.collection('subscriptions');

/** Adds one answer to the person's record for the template, creating it on first answer. */
export async function recordAnswer(
  openid: string,
  template: TemplateKey,
  answer: 'accept' | 'reject' | 'ban',
  at: Date,
) {
  const _id = createHash('sha1').update(`${openid}|${template}`).digest('hex').slice(0, 24);
  const counts = answer === 'accept' ? { accepted: _.inc(1) } : { refused: _.inc(1) };
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await subscriptions()
      .where({ _id })
      .update({ data: { ...counts, lastAnswer: answer, updatedAt: at } });
    if (res.stats.updated === 1) return;
    try {
      await subscriptions().add({
        data: {
          _id,
          openid,
          template,
          accepted: answer === 'accept' ? 1 : 0,
          refused: answer === 'accept' ? 0 : 1,
          lastAnswer: answer,
          updatedAt: at,
        },
      });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // someone created it meanwhile: add to it instead
    }
  }
}
