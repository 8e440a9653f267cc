import type { OrgUnit } from '@lxq/types';
import { effectiveLists } from '../../shared/unitLists';

/**
 * A unit's concern categories and 八必访 occasions as the console shows them: its own; else those
 * of the nearest unit above that has its own (`inheritedFrom` names it); else the built-in lists.
 */
export function unitLists(unit: OrgUnit, above: OrgUnit[]) {
  const lists = effectiveLists([...above, unit], unit.path);
  const from = unit.lists
    ? null
    : ([...above].sort((a, b) => b.path.length - a.path.length).find((u) => u.lists) ?? null);
  return {
    categories: lists.categories,
    occasions: lists.occasions.map((o) => o.label),
    custom: !!unit.lists,
    inheritedFrom: from?.name ?? null,
  };
}
