import { defineAction } from '../../shared/action';
import { countUnread, pageInbox } from '../../shared/data/inbox';
import { iso } from '../../shared/time';

export default defineAction({
  name: 'account.listInbox',
  roles: ['citizen'],
  mutates: false,
  async handler({ page, pageSize, unreadOnly }, ctx) {
    const [{ items, total }, unread] = await Promise.all([
      pageInbox(ctx.openid, unreadOnly, page, pageSize),
      countUnread(ctx.openid),
    ]);
    return {
      items: items.map((i) => ({
        _id: i._id,
        kind: i.kind,
        title: i.title,
        body: i.body,
        page: i.page,
        createdAt: iso(i.createdAt),
        read: !!i.readAt,
      })),
      total,
      page,
      pageSize,
      unread,
    };
  },
});
