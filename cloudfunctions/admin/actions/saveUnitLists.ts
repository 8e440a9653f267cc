import { defineAction } from '../../shared/action';
import { setCategories } from '../../shared/data/concernCounters';
import { listSubtree, updateUnit } from '../../shared/data/units';
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
    const { categories, occasions } = unitLists(unit, []);
    await updateUnit(unit, { lists });
    // Submissions check the category against their bucket (no extra round trip): copy the list to
    // the buckets of every unit below that has no list of its own nearer to it.
    const below = await listSubtree(unit._id);
    const withOwn = new Set(below.filter((u) => u._id !== unit._id && u.lists).map((u) => u._id));
    const governed = below.filter((u) => !u.path.slice(u.path.indexOf(unit._id) + 1).some((id) => withOwn.has(id)));
    await setCategories(
      governed.map((u) => u._id),
      lists.categories,
    );
    ctx.audit(`org_units/${unit._id}/lists`, { categories, occasions }, lists);
    return { unitId: unit._id };
  },
});
