import { defineAction } from '../../shared/action';
import { recordAnswer } from '../../shared/data/subscriptions';

export default defineAction({
  name: 'account.recordSubscriptions',
  roles: ['citizen'],
  mutates: true,
  async handler({ answers }, ctx) {
    for (const { template, answer } of answers) await recordAnswer(ctx.openid, template, answer, ctx.now);
    ctx.audit(`subscriptions/${ctx.openid}`, null, answers);
    return { recorded: answers.length };
  },
});
