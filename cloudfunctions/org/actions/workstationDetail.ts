import { defineAction } from '../../shared/action';
import { tempFileUrls } from '../../shared/cloud';
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
    const [unit, users, urls] = await Promise.all([
      getUnit(w.unitId),
      getUsersByIds(w.memberIds),
      tempFileUrls(w.photo ? [w.photo] : []),
    ]);
    const names = new Map(users.map((u) => [u._id, u.name]));
    return {
      ...toSummary(w),
      radius: w.radius,
      headName: w.headName,
      scene: w.scene,
      unitName: unit.name,
      phone: w.phone ?? '',
      photo: w.photo ?? '',
      photoUrl: (w.photo && urls.get(w.photo)) || '',
      members: w.memberIds.filter((m) => names.has(m)).map((m) => ({ _id: m, name: names.get(m)! })),
    };
  },
});
