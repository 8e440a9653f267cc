import { defineAction } from '../../shared/action';
import { backedBy, getCall, proposalsOfCall } from '../../shared/data/topicCalls';
import { notFound } from '../../shared/errors';
import { callView } from '../domain/calls';

/** A call and its proposals, most backed first, as anyone sees them (no names); 3 round trips. */
export default defineAction({
  name: 'topic.getCall',
  roles: ['citizen'],
  mutates: false,
  async handler({ id }, ctx) {
    const [call, proposals, mine] = await Promise.all([getCall(id), proposalsOfCall(id), backedBy(id, ctx.openid)]);
    if (!call) throw notFound('征题不存在或已结束');
    return {
      call: callView(call, ctx.now),
      proposals: proposals
        // A proposal the check was unsure of waits for staff; its author still sees it.
        .filter((p) => !p.needsReview || p.openid === ctx.openid)
        .map((p) => ({
          _id: p._id,
          title: p.title,
          text: p.text,
          backers: p.backers,
          backedByMe: mine.has(p._id),
          mine: p.openid === ctx.openid,
          topic: p.topic?.title ?? null,
        })),
    };
  },
});
