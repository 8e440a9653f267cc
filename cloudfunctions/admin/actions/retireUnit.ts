import { defineAction } from '../../shared/action';
import { listSubtree, retireSubtree } from '../../shared/data/units';
import { markUnitRetired } from '../../shared/data/users';
import { forbidden } from '../../shared/errors';
import { openUnit, unitPathOf } from '../domain/units';

/**
 * 撤销: the unit and the units below it are retired. Nothing is deleted: their records stay and
 * can be read, and their people can no longer change anything (the router refuses them).
 */
export default defineAction({
  name: 'admin.retireUnit',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    if (unit._id === (await ctx.scopeUnitId())) throw forbidden('不能撤销您本人所在的单位');
    const before = (await listSubtree(unit._id)).filter((u) => !u.retiredAt).map((u) => u._id);
    await retireSubtree(unit._id, ctx.now);
    const people = await markUnitRetired(unit._id);
    ctx.audit(`org_units/${unit._id}`, { retired: false, units: before }, { retired: true, units: before, people });
    // The units it found open (a retry that died past the write finds them as the first call did).
    return { _id: unit._id, units: before.length, people };
  },
});
