import { defineAction } from '../../shared/action';
import { createConcern } from '../../shared/concerns/create';

export default defineAction({
  name: 'concern.submit',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  async handler(input, ctx) {
    const concern = await createConcern(input, {
      id: ctx.newId('concern'),
      now: ctx.now,
      submitterOpenid: ctx.openid,
      checkOpenid: ctx.openid,
      source: input.source,
    });
    ctx.audit(`concerns/${concern._id}`, null, { ...concern, phone: concern.phone ? '(已填写)' : null });
    return { _id: concern._id, status: concern.status, needsReview: !!concern.needsReview };
  },
});
