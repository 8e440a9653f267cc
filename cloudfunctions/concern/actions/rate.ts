import { defineAction } from '../../shared/action';
import { ownConcern } from '../domain/load';
import { changeConcern } from '../../shared/concerns/change';
import { invalidState } from '../../shared/errors';

/** The submitter rates the answer, once (the update is guarded by `rating: null`). */
export default defineAction({
  name: 'concern.rate',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownConcern,
  async handler({ id, score, comment }, ctx, { doc: concern }) {
    const rating = { score, comment: comment ?? '', at: ctx.now };
    const { after } = await changeConcern({
      concern,
      action: 'rate',
      by: { openid: ctx.openid, name: '群众' },
      now: ctx.now,
      note: `${score} 分${comment ? `：${comment}` : ''}`,
      where: { submitterOpenid: ctx.openid, rating: null },
      otherwise: () => invalidState('您已评价过这条诉求'),
      set: { rating },
      figures: { ratingSum: score, ratingCount: 1 },
    });
    ctx.audit(`concerns/${id}`, null, { rating });
    return { score: after.rating?.score ?? score };
  },
});
