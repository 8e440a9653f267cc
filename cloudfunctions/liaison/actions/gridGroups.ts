import type { LiaisonGridGroupView } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { pageGridInUnit } from '../../shared/data/liaisonGrid';

/** Staff: the 网格化联系 groups of their unit subtree, by name. */
export default defineAction({
  name: 'liaison.gridGroups',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize }, ctx) {
    const { items, total } = await pageGridInUnit(await ctx.scopeUnitId(), page, pageSize);
    const views: LiaisonGridGroupView[] = items.map((e) => ({
      _id: e._id,
      kind: e.kind,
      groupId: e.groupId,
      groupName: e.groupName,
      unitId: e.unitId,
      leaderId: e.leaderId,
      leaderName: e.leaderName,
      members: e.members.map(({ userId, name, sectorName }) => ({ userId, name, sectorName })),
    }));
    return { items: views, total, page, pageSize };
  },
});
