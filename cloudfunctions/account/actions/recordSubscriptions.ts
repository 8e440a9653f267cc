import { defineAction } from '../../shared/action';
import { recordAnswers } from '../../shared/data/subscriptions';

export default defineAction({
  name: 'account.recordSubscriptions',
  roles: ['citizen'],
  mutates: true,
  async handler({ answers }, ctx) {
    await recordAnswers(ctx.openid, answers, ctx.now);
    ctx.audit(`subscriptions/${ctx.openid}`, null, answers);
    return { recorded: answers.length };
  },
});
