import { defineAction } from '../../shared/action';
import { updateUnit } from '../../shared/data/units';
import { invalid } from '../../shared/errors';
import { unitLists } from '../domain/lists';
import { openUnit, unitPathOf } from '../domain/units';

/** A unit's own concern categories and 八必访 occasions (until saved, the built-in lists apply). */
export default defineAction({
  name: 'admin.saveUnitLists',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    for (const key of ['categories', 'occasions'] as const) {
      const seen = new Set<string>();
      for (const item of input[key]) {
        if (seen.has(item)) throw invalid({ [key]: `「${item}」重复了` });
        seen.add(item);
      }
    }
    const lists = { categories: input.categories, occasions: input.occasions };
    const { categories, occasions } = unitLists(unit);
    await updateUnit(unit._id, { lists });
    ctx.audit(`org_units/${unit._id}/lists`, { categories, occasions }, lists);
    return { unitId: unit._id };
  },
});
