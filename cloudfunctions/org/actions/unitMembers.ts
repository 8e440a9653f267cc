import { defineAction } from '../../shared/action';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { pageMembersInUnit } from '../../shared/data/users';

/** Members of a unit's subtree, to assign to a workstation. */
export default defineAction({
  name: 'org.unitMembers',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: async ({ unitId }) => (await getUnit(unitId)).path,
  async handler({ unitId, page, pageSize }) {
    const { items, total } = await pageMembersInUnit(unitId, page, pageSize);
    const sectors = await getSectorsByIds(items.map((u) => u.sectorId ?? ''));
    return {
      items: items.map((u) => ({ _id: u._id, name: u.name, sectorName: sectors.get(u.sectorId ?? '')?.name ?? '' })),
      total,
      page,
      pageSize,
    };
  },
});
