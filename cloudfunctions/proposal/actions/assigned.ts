import { defineAction } from '../../shared/action';
import { pageAssignedTo } from '../../shared/data/proposals';
import { forbidden } from '../../shared/errors';
import { toRow } from '../domain/view';

/** A handling unit's list: only what its unit was given (and has not returned). */
export default defineAction({
  name: 'proposal.assigned',
  roles: ['handler'],
  mutates: false,
  async handler({ page, pageSize }, ctx) {
    const unitId = (await ctx.user()).handlingUnitId;
    if (!unitId) throw forbidden('您的账号没有绑定承办单位');
    const found = await pageAssignedTo(unitId, page, pageSize);
    return {
      items: found.items.map((p) => {
        const a = p.assignments.find((x) => x.handlingUnitId === unitId)!;
        return { ...toRow(p), mine: { role: a.role, status: a.status, dueOn: a.dueOn } };
      }),
      total: found.total,
      page,
      pageSize,
    };
  },
});
