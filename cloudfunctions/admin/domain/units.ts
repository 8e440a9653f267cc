import type { AdminUnit, OrgLevel, OrgUnit } from '@lxq/types';
import { getUnit } from '../../shared/data/units';
import { invalidState } from '../../shared/errors';

/** The unit an input names, as its path: the router's scope check for every admin action on a unit. */
export const unitPathOf = async (input: { unitId: string }) => (await getUnit(input.unitId)).path;

/** A unit that may still change: a retired one keeps its records read-only. */
export async function openUnit(id: string): Promise<OrgUnit> {
  const unit = await getUnit(id);
  refuseRetired(unit);
  return unit;
}

export function refuseRetired(unit: OrgUnit) {
  if (unit.retiredAt) throw invalidState(`「${unit.name}」已撤销，记录仅供查阅，不能再作更改`);
}

/** A unit as the console shows it: retired, or 迁移中 with its progress. */
export function adminUnitOf(u: OrgUnit): AdminUnit {
  return {
    _id: u._id,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    path: u.path,
    retired: !!u.retiredAt,
    // Two passes over the steps (UnitMove.pass): progress counts both.
    moving: u.moving
      ? { done: u.moving.done, step: (u.moving.pass ?? 0) * u.moving.steps + u.moving.step, steps: 2 * u.moving.steps }
      : null,
  };
}

/** The tree is national → province → city → county: what may sit under each level. */
export const CHILD_LEVEL: Record<OrgLevel, OrgLevel | null> = {
  national: 'province',
  province: 'city',
  city: 'county',
  county: null,
};

export const LEVEL_LABELS: Record<OrgLevel, string> = {
  national: '全国',
  province: '省级',
  city: '市级',
  county: '县级',
};
