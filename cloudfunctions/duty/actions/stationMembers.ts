import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { forbidden } from '../../shared/errors';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUsersByIds } from '../../shared/data/users';
import { getWorkstation } from '../../shared/data/workstations';

/** The members assigned to a station: staff roster them, a member picks a swap partner among them. */
export default defineAction({
  name: 'duty.stationMembers',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  async handler({ workstationId }, ctx) {
    const station = await getWorkstation({ id: workstationId });
    const caller = await ctx.caller();
    const staffInScope = mayAct(caller, ['staff', 'admin'], station.unitPath);
    const assigned = !!caller.user && station.memberIds.includes(caller.user._id);
    if (!staffInScope && !assigned) throw forbidden('您不是该工作站的委员或工作人员');
    const users = await getUsersByIds(station.memberIds.slice(0, 50));
    const sectors = await getSectorsByIds(users.map((u) => u.sectorId ?? ''));
    const items = users
      .map((u) => ({ _id: u._id, name: u.name, sectorName: sectors.get(u.sectorId ?? '')?.name ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return { items };
  },
});
