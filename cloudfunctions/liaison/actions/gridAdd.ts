import type { LiaisonGridEntry } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getGridEntry, saveGridEntry } from '../../shared/data/liaisonGrid';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUsersByIds } from '../../shared/data/users';
import { forbidden, invalid } from '../../shared/errors';
import { gridChoices, groupUnitPath } from '../domain/gridAdmin';

/**
 * Staff put members in a special-committee director's or a sector convener's group (网格化联系),
 * made the first time it is used. The group, its leader and its members must all be in the
 * staff's subtree, and the leader and members in the group's own unit.
 */
export default defineAction({
  name: 'liaison.gridAdd',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: groupUnitPath,
  async handler({ kind, groupId, leaderId, memberIds }, ctx) {
    const group = (await gridChoices(await ctx.scopeUnitId())).find((g) => g.kind === kind && g._id === groupId);
    if (!group) throw forbidden(kind === 'committee' ? '该专委会不在您的管辖范围内' : '该界别不在您的管辖范围内');
    if (memberIds.includes(leaderId)) throw invalid({ memberIds: '主任或召集人本人无需加入自己的联系组' });
    const id = `grid-${groupId}-${leaderId}`;
    const [before, people] = await Promise.all([getGridEntry(id), getUsersByIds([leaderId, ...memberIds])]);
    const byId = new Map(people.map((u) => [u._id, u]));
    const outside = (uid: string) => {
      const u = byId.get(uid);
      return !u || !u.roles.includes('member') || !u.unitPath.includes(group.unitId);
    };
    if (outside(leaderId)) throw invalid({ leaderId: `请选择${group.unitName}的委员` });
    const stray = memberIds.filter(outside);
    if (stray.length) throw invalid({ memberIds: `只能选择${group.unitName}的委员` });

    const leader = byId.get(leaderId)!;
    const fresh = memberIds.filter((m, i) => memberIds.indexOf(m) === i && !before?.memberIds.includes(m));
    const sectors = await getSectorsByIds(fresh.map((m) => byId.get(m)!.sectorId ?? ''));
    const after: LiaisonGridEntry = {
      _id: id,
      unitId: group.unitId,
      unitPath: leader.unitPath,
      kind,
      groupId,
      groupName: group.name,
      leaderId,
      leaderName: leader.name,
      memberIds: [...(before?.memberIds ?? []), ...fresh],
      members: [
        ...(before?.members ?? []),
        ...fresh.map((m) => {
          const u = byId.get(m)!;
          return {
            userId: u._id,
            name: u.name,
            sectorName: (u.sectorId && sectors.get(u.sectorId)?.name) || '',
            openid: u.openid,
          };
        }),
      ],
    };
    if (fresh.length) await saveGridEntry(after, before);
    ctx.audit(`liaison_grid/${id}`, before, after);
    return { _id: id, added: fresh.length };
  },
});
