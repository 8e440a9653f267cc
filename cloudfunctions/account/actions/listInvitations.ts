import { defineAction } from '../../shared/action';
import { pageInvitations } from '../../shared/data/invitations';
import { getUnitsByIds } from '../../shared/data/units';
import { toView } from '../domain/invitationView';

export default defineAction({
  name: 'account.listInvitations',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, ...filter }, ctx) {
    const { items, total } = await pageInvitations(await ctx.scopeUnitId(), filter, ctx.now, page, pageSize);
    const units = await getUnitsByIds(items.map((i) => i.unitId));
    return {
      items: items.map((i) => toView(i, units.get(i.unitId)?.name ?? '', ctx.now)),
      total,
      page,
      pageSize,
    };
  },
});
