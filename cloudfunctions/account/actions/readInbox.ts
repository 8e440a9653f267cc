import { defineAction } from '../../shared/action';
import { countUnread, markRead, ownInboxItem } from '../../shared/data/inbox';
import { notFound } from '../../shared/errors';
import { requestMark } from '../../shared/resume';

/**
 * Marks one of the caller's own inbox items read. The update is guarded by owner and unread, so
 * it cannot apply twice (retrySafe); only when it changes nothing is the item looked for, so that
 * someone else's item, or none, answers NOT_FOUND. Round trips: 3 (update, unread count, audit),
 * 4 when the item was already read.
 */
export default defineAction({
  name: 'account.readInbox',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  async handler({ id }, ctx) {
    const mark = requestMark();
    if (await markRead(ctx.openid, id, ctx.now, mark)) {
      ctx.audit(`inbox/${id}`, { readAt: null }, { readAt: ctx.now });
    } else {
      const item = await ownInboxItem(ctx.openid, id);
      if (!item) throw notFound('这条消息不存在或不是发给您的');
      // This request marked it read before it died (resume.ts): audit it as the first call would.
      if (mark && item.readBy === mark) ctx.audit(`inbox/${id}`, { readAt: null }, { readAt: item.readAt });
    }
    return { unread: await countUnread(ctx.openid) };
  },
});
