import { defineAction } from '../../shared/action';
import { pageBySubmitter } from '../../shared/data/concerns';
import { toListItem } from '../domain/view';

export default defineAction({
  name: 'concern.listMine',
  roles: ['citizen'],
  mutates: false,
  async handler({ page, pageSize }, ctx) {
    const { items, total } = await pageBySubmitter(ctx.openid, page, pageSize);
    return { items: items.map((c) => toListItem(c, 'submitter', ctx.now)), total, page, pageSize };
  },
});
