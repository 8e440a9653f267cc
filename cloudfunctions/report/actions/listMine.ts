import { defineAction } from '../../shared/action';
import { pageOfAuthor } from '../../shared/data/reports';
import { getUnitsByIds } from '../../shared/data/units';
import { toListItem } from '../domain/view';

/** 我的社情民意: the caller's own reports, newest change first (by openid: no user look-up). */
export default defineAction({
  name: 'report.listMine',
  roles: ['citizen'],
  mutates: false,
  async handler({ page, pageSize }, ctx) {
    const { items, total } = await pageOfAuthor(ctx.openid, page, pageSize);
    const units = await getUnitsByIds(items.flatMap((r) => [r.unitId, r.atUnitId]));
    return { items: items.map((r) => toListItem(r, units)), total, page, pageSize };
  },
});
