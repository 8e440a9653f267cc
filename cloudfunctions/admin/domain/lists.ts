import { CONCERN_CATEGORIES, LIAISON_OCCASIONS, LIAISON_OCCASION_LABELS, type OrgUnit } from '@lxq/types';

/** A unit's concern categories and 八必访 occasions: its own, else the built-in lists. */
export function unitLists(unit: OrgUnit) {
  return {
    categories: unit.lists?.categories ?? [...CONCERN_CATEGORIES],
    occasions: unit.lists?.occasions ?? LIAISON_OCCASIONS.map((o) => LIAISON_OCCASION_LABELS[o]),
    custom: !!unit.lists,
  };
}
