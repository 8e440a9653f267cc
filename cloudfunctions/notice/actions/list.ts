import { defineAction } from '../../shared/action';
import { pageNotices } from '../../shared/data/notices';
import { countReadByNotice } from '../../shared/data/noticeRecipients';
import { toListItem } from '../domain/views';

export default defineAction({
  name: 'notice.list',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filter }, ctx) {
    const { items, total } = await pageNotices(await ctx.scopeUnitId(), filter, page, pageSize);
    const read = await countReadByNotice(items.map((n) => n._id));
    return { items: items.map((n) => toListItem(n, read.get(n._id) ?? 0)), total, page, pageSize };
  },
});
