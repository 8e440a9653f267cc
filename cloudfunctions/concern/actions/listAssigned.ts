import { defineAction } from '../../shared/action';
import { pageAssigned } from '../../shared/data/concerns';
import { toListItem } from '../domain/view';

/** 分派给我: the concerns assigned to the calling member, in hand or answered. */
export default defineAction({
  name: 'concern.listAssigned',
  roles: ['member'],
  mutates: false,
  async handler({ page, pageSize, done }, ctx) {
    const { items, total } = await pageAssigned(ctx.openid, done, page, pageSize);
    return { items: items.map((c) => toListItem(c, 'handler', ctx.now)), total, page, pageSize };
  },
});
