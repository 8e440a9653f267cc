import { defineAction } from '../../shared/action';
import { checkContent } from '../../shared/concerns/content';
import { countProposal, getCallCounting, insertProposal } from '../../shared/data/topicCalls';
import { invalidState, notFound } from '../../shared/errors';
import { DAY, type ActionLimit } from '../../shared/limits';

// Counted in this instance and, durably, with the call's read (a restart does not reset it).
const LIMIT: ActionLimit = { windows: [{ seconds: DAY, max: 10 }] };

/**
 * A citizen proposes a topic to an open call: content checked like a concern, stored under the
 * request's id (a retry fails on it). 4 round trips: the call, the insert, its count, the audit.
 */
export default defineAction({
  name: 'topic.proposeToCall',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  limit: LIMIT,
  async handler({ id, title, text }, ctx) {
    const call = await getCallCounting(id, {
      action: 'topic.proposeToCall',
      openid: ctx.openid,
      limit: LIMIT,
      now: ctx.now,
    });
    if (!call) throw notFound('征题不存在或已结束');
    if (new Date(call.closesAt).getTime() <= ctx.now.getTime()) throw invalidState('征题已截止，不能再提出议题');
    const [a, b] = await Promise.all([
      checkContent(ctx.openid, { text: title, textField: 'title' }),
      checkContent(ctx.openid, { text, textField: 'text' }),
    ]);
    const proposal = {
      _id: ctx.newId('proposal'),
      callId: call._id,
      unitPath: call.unitPath,
      openid: ctx.openid,
      title,
      text,
      backers: 0,
      needsReview: a.needsReview || b.needsReview,
      closesAt: call.closesAt,
      createdAt: ctx.now,
    };
    await insertProposal(proposal);
    await countProposal(call._id);
    ctx.audit(`topic_proposals/${proposal._id}`, null, { callId: call._id, title });
    return { _id: proposal._id, needsReview: proposal.needsReview };
  },
});
