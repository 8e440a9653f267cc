import { defineAction } from '../../shared/action';
import { createConcern } from '../../shared/concerns/create';
import { DAY, HOUR, type ActionLimit } from '../../shared/limits';

// A citizen files a few concerns a day; 300 in 5 seconds is someone flooding the queue. Counted in
// this instance and, durably, with the bucket's read (createConcern): a restart does not reset it.
const LIMIT: ActionLimit = {
  windows: [
    { seconds: HOUR, max: 6 },
    { seconds: DAY, max: 20 },
  ],
};

export default defineAction({
  name: 'concern.submit',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  limit: LIMIT,
  async handler(input, ctx) {
    const concern = await createConcern(input, {
      id: ctx.newId('concern'),
      now: ctx.now,
      submitterOpenid: ctx.openid,
      checkOpenid: ctx.openid,
      source: input.source,
      counted: { action: 'concern.submit', openid: ctx.openid, limit: LIMIT, now: ctx.now },
    });
    ctx.audit(`concerns/${concern._id}`, null, { ...concern, phone: concern.phone ? '(已填写)' : null });
    return {
      _id: concern._id,
      status: concern.status,
      acceptDueAt: concern.acceptDueAt ? concern.acceptDueAt.toISOString() : null,
      replyDueAt: concern.replyDueAt ? concern.replyDueAt.toISOString() : null,
      needsReview: !!concern.needsReview,
    };
  },
});
