import { defineAction } from '../../shared/action';
import { listCommitteesOfUnits } from '../../shared/data/committees';
import { getSectorsByIds, listSectors } from '../../shared/data/sectors';
import { listSubtree } from '../../shared/data/units';
import { findMembersByName } from '../../shared/data/users';
import { pageWorkstations } from '../../shared/data/workstations';

/** What a notice can be aimed at inside the caller's scope, for the target picker. */
export default defineAction({
  name: 'notice.options',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ q }, ctx) {
    const scope = await ctx.scopeUnitId();
    const units = await listSubtree(scope);
    const unitName = new Map(units.map((u) => [u._id, u.name.replace(/^政协|委员会$/g, '')]));
    const [sectors, committees, stations, members] = await Promise.all([
      Promise.all(units.map((u) => listSectors(u._id))).then((x) => x.flat()),
      listCommitteesOfUnits(units.map((u) => u._id)),
      pageWorkstations(scope, 1, 500).then((p) => p.items),
      q ? findMembersByName(scope, q, 20) : Promise.resolve([]),
    ]);
    const memberSectors = await getSectorsByIds(members.map((m) => m.sectorId ?? ''));
    const several = units.length > 1;
    return {
      sectors: sectors.map((s) => ({ _id: s._id, name: s.name, note: several ? (unitName.get(s.unitId) ?? '') : '' })),
      committees: committees.map((c) => ({ _id: c._id, name: c.name, note: unitName.get(c.unitId) ?? '' })),
      workstations: stations.map((w) => ({ _id: w._id, name: w.name, note: unitName.get(w.unitId) ?? '' })),
      members: members.map((m) => ({
        _id: m._id,
        name: m.name,
        note: memberSectors.get(m.sectorId ?? '')?.name ?? unitName.get(m.unitId) ?? '',
      })),
    };
  },
});
