import { defineAction } from '../../shared/action';
import { backedByThisRequest, countBacking, getProposalCounting, insertBacking } from '../../shared/data/topicCalls';
import { AppError, invalidState, isDuplicateKey, notFound } from '../../shared/errors';
import { DAY, HOUR, type ActionLimit } from '../../shared/limits';

// One backing per proposal already; this stops one identity backing every proposal of every call
// in a burst. Counted in this instance and, durably, with the proposal's read.
const LIMIT: ActionLimit = {
  windows: [
    { seconds: HOUR, max: 30 },
    { seconds: DAY, max: 100 },
  ],
};

/**
 * A citizen backs a proposal, once: the backing's id is the proposal and the person, so a second
 * one fails on the key (CONFLICT) and counts nothing. 4 round trips: the proposal, the backing, the
 * count, the audit (one more when a retry finds its own backing).
 */
export default defineAction({
  name: 'topic.backProposal',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  limit: LIMIT,
  async handler({ id }, ctx) {
    const p = await getProposalCounting(id, {
      action: 'topic.backProposal',
      openid: ctx.openid,
      limit: LIMIT,
      now: ctx.now,
    });
    if (!p || p.needsReview) throw notFound('议题建议不存在');
    if (new Date(p.closesAt).getTime() <= ctx.now.getTime()) throw invalidState('征题已截止，不能再支持');
    try {
      await insertBacking(p, ctx.openid, ctx.now);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Stored by this very request before it died: finish its work (resume.ts).
      if (!(await backedByThisRequest(p._id, ctx.openid))) throw new AppError('CONFLICT', '您已经支持过这条议题建议');
    }
    // Counted once per request: when this request counted before it died, p already holds it.
    const backers = (await countBacking(p._id)) ? p.backers + 1 : p.backers;
    ctx.audit(`topic_proposals/${p._id}`, { backers: backers - 1 }, { backers });
    return { backers };
  },
});
