import { defineAction } from '../../shared/action';
import { countUnread, markRead } from '../../shared/data/inbox';

export default defineAction({
  name: 'account.readInbox',
  roles: ['citizen'],
  mutates: true,
  async handler({ id }, ctx) {
    if (await markRead(ctx.openid, id, ctx.now)) ctx.audit(`inbox/${id}`, { readAt: null }, { readAt: ctx.now });
    return { unread: await countUnread(ctx.openid) };
  },
});
