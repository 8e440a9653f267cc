import { defineAction } from '../../shared/action';
import { countUnread, hasInboxItem, markRead } from '../../shared/data/inbox';
import { notFound } from '../../shared/errors';

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
    if (await markRead(ctx.openid, id, ctx.now)) ctx.audit(`inbox/${id}`, { readAt: null }, { readAt: ctx.now });
    else if (!(await hasInboxItem(ctx.openid, id))) throw notFound('这条消息不存在或不是发给您的');
    return { unread: await countUnread(ctx.openid) };
  },
});
