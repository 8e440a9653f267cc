import type { HandlingUnit } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { handlingUnitsOf, insertHandlingUnit } from '../../shared/data/proposals';
import { invalid } from '../../shared/errors';

/** Staff add a department (承办单位) their committee body hands proposals to. */
export default defineAction({
  name: 'proposal.saveHandlingUnit',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler({ name }, ctx) {
    const scope = scopeUnitOf(await ctx.user());
    const _id = ctx.newId('hu');
    // The unit this very request stored before it died is not another of the same name.
    const others = (await handlingUnitsOf(scope.unitId)).filter((h) => h._id !== _id);
    if (others.some((h) => h.name === name && h.unitId === scope.unitId)) {
      throw invalid({ name: '已有同名的承办单位' });
    }
    const unit: HandlingUnit = {
      _id,
      unitId: scope.unitId,
      unitPath: scope.unitPath,
      name,
      createdAt: ctx.now,
    };
    await insertHandlingUnit(unit);
    ctx.audit(`handling_units/${unit._id}`, null, unit);
    return { _id: unit._id };
  },
});
