import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { getUsersByIds } from '../../shared/data/users';
import { managedStation } from '../domain/targets';
import { toSummary } from '../domain/workstationView';

/** Everything staff edit about a station, with its members' names. */
export default defineAction({
  name: 'org.workstationDetail',
  roles: ['staff', 'admin'],
  mutates: false,
  target: managedStation,
  async handler(_input, _ctx, { doc: w }) {
    const [unit, users] = await Promise.all([getUnit(w.unitId), getUsersByIds(w.memberIds)]);
    const names = new Map(users.map((u) => [u._id, u.name]));
    return {
      ...toSummary(w),
      radius: w.radius,
      headName: w.headName,
      scene: w.scene,
      unitName: unit.name,
      members: w.memberIds.filter((m) => names.has(m)).map((m) => ({ _id: m, name: names.get(m)! })),
    };
  },
});
