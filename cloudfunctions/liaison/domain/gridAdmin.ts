import type { LiaisonGridEntry } from '@lxq/types';
import { getCommittee, listCommitteesOfUnits } from '../../shared/data/committees';
import { getSectorsByIds, listSectors } from '../../shared/data/sectors';
import { getUnit, listSubtree } from '../../shared/data/units';

export interface GridChoice {
  kind: LiaisonGridEntry['kind'];
  _id: string;
  name: string;
  unitId: string;
  unitName: string;
}

/** The unit path of a committee's or sector's group, for the scope check (null for an unknown one). */
export async function groupUnitPath({ kind, groupId }: { kind: GridChoice['kind']; groupId: string }) {
  const unitId =
    kind === 'committee'
      ? (await getCommittee(groupId))?.unitId
      : (await getSectorsByIds([groupId])).get(groupId)?.unitId;
  return unitId ? (await getUnit(unitId)).path : null;
}

/** The special committees and sectors of a unit subtree, the unit's own first. */
export async function gridChoices(unitId: string): Promise<GridChoice[]> {
  const units = await listSubtree(unitId);
  const nameOf = new Map(units.map((u) => [u._id, u.name]));
  const [committees, sectors] = await Promise.all([
    listCommitteesOfUnits(units.map((u) => u._id)),
    Promise.all(units.map((u) => listSectors(u._id))).then((all) => all.flat()),
  ]);
  return [
    ...committees.map((c) => ({ kind: 'committee' as const, _id: c._id, name: c.name, unitId: c.unitId })),
    ...sectors.map((s) => ({ kind: 'sector' as const, _id: s._id, name: s.name, unitId: s.unitId })),
  ].map((g) => ({ ...g, unitName: nameOf.get(g.unitId) ?? '' }));
}
