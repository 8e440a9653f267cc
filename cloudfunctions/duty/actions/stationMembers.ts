import { defineAction } from '../../shared/action';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUsersByIds } from '../../shared/data/users';
import { stationSeen } from '../domain/targets';

/** The members assigned to a station: staff roster them, a member picks a swap partner among them. */
export default defineAction({
  name: 'duty.stationMembers',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  target: stationSeen,
  async handler(_input, _ctx, { doc: station }) {
    const users = await getUsersByIds(station.memberIds.slice(0, 50));
    const sectors = await getSectorsByIds(users.map((u) => u.sectorId ?? ''));
    const items = users
      .map((u) => ({ _id: u._id, name: u.name, sectorName: sectors.get(u.sectorId ?? '')?.name ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return { items };
  },
});
