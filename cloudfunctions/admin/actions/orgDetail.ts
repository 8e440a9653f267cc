import { defineAction } from '../../shared/action';
import { listCommitteesOfUnits } from '../../shared/data/committees';
import { listSectors } from '../../shared/data/sectors';
import { getUnit, getUnitsByIds } from '../../shared/data/units';
import { getUsersByIds, listUsersInSubtree } from '../../shared/data/users';
import { pageWorkstations } from '../../shared/data/workstations';
import { unitLists } from '../domain/lists';
import { adminUnitOf, unitPathOf } from '../domain/units';

/** One unit's sectors, committees, workstations and lists, with the members to choose leaders from. */
export default defineAction({
  name: 'admin.orgDetail',
  roles: ['admin'],
  mutates: false,
  unitOf: unitPathOf,
  async handler({ unitId }) {
    const unit = await getUnit(unitId);
    const [above, sectors, committees, stations, members] = await Promise.all([
      // The units above it: a unit without lists of its own shows what it inherits.
      getUnitsByIds(unit.path.slice(0, -1)),
      listSectors(unitId),
      listCommitteesOfUnits([unitId]),
      pageWorkstations(unitId, 1, 50),
      listUsersInSubtree(unitId, { roles: 'member' }, 0, 200),
    ]);
    const leaderIds = [...sectors.map((s) => s.convenerId), ...committees.map((c) => c.directorId)].filter(
      (id): id is string => !!id,
    );
    const known = new Map(members.map((m) => [m._id, m.name]));
    const missing = leaderIds.filter((id) => !known.has(id));
    for (const u of await getUsersByIds(missing)) known.set(u._id, u.name);
    const nameOf = (id: string | null | undefined) => (id ? (known.get(id) ?? '') : '');
    return {
      unit: adminUnitOf(unit),
      sectors: sectors.map((s) => ({
        _id: s._id,
        name: s.name,
        order: s.order,
        convenerId: s.convenerId ?? null,
        convenerName: nameOf(s.convenerId),
      })),
      committees: committees.map((c) => ({
        _id: c._id,
        name: c.name,
        directorId: c.directorId ?? null,
        directorName: nameOf(c.directorId),
        sectorIds: c.sectorIds ?? [],
        workstationIds: c.workstationIds ?? [],
      })),
      workstations: stations.items.map((w) => ({ _id: w._id, name: w.name, sectorIds: w.sectorIds ?? [] })),
      members: members.map((m) => ({ _id: m._id, name: m.name })),
      ...unitLists(unit, [...above.values()]),
    };
  },
});
