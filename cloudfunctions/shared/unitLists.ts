/**
 * A unit's concern categories and 八必访 occasions (issue 17): the nearest unit on its path that
 * has its own lists (admin.saveUnitLists) decides; when none has, the built-in lists apply.
 * Built-in occasions keep their keys ('demand'), a unit's own are stored as their wording.
 */
import { CONCERN_CATEGORIES, LIAISON_OCCASION_CHOICES, type OrgUnit } from '@lxq/types';

export interface EffectiveLists {
  categories: string[];
  occasions: { value: string; label: string }[];
}

/** `units`: the units of `path` (any order, missing ones ignored); `path` from the top down. */
export function effectiveLists(units: Pick<OrgUnit, '_id' | 'lists'>[], path: string[]): EffectiveLists {
  const byId = new Map(units.map((u) => [u._id, u]));
  for (const id of [...path].reverse()) {
    const lists = byId.get(id)?.lists;
    if (lists) {
      return { categories: [...lists.categories], occasions: lists.occasions.map((o) => ({ value: o, label: o })) };
    }
  }
  return { categories: [...CONCERN_CATEGORIES], occasions: LIAISON_OCCASION_CHOICES };
}

/**
 * What a staff filter offers over a subtree: each of its units' effective occasions, once each;
 * `above`: the units over the subtree, whose lists apply where the subtree's own have none.
 */
export function occasionsInSubtree(
  subtree: Pick<OrgUnit, '_id' | 'lists' | 'path'>[],
  above: Pick<OrgUnit, '_id' | 'lists'>[],
): EffectiveLists['occasions'] {
  const all = [...above, ...subtree];
  const seen = new Map<string, { value: string; label: string }>();
  for (const u of subtree) for (const o of effectiveLists(all, u.path).occasions) seen.set(o.value, o);
  return [...seen.values()];
}

/** The refusal when a category is not in the unit's list (VALIDATION on the field). */
export const categoryRefusal = (category: string) => `「${category}」不是本单位的诉求类别，请重新选择`;
export const occasionRefusal = '所选“八必访”时机不在本单位的时机清单中，请重新选择';
