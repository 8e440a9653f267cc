import { defineAction } from '../../shared/action';
import { tempFileUrls } from '../../shared/cloud';
import { getUnit } from '../../shared/data/units';
import { getWorkstation } from '../../shared/data/workstations';
import { toSummary } from '../domain/workstationView';

export default defineAction({
  name: 'org.getWorkstation',
  roles: ['citizen'],
  mutates: false,
  async handler({ workstationId, scene }) {
    const w = await getWorkstation({ id: workstationId, scene });
    const [unit, urls] = await Promise.all([getUnit(w.unitId), tempFileUrls(w.photo ? [w.photo] : [])]);
    return {
      ...toSummary(w),
      unitName: unit.name,
      headName: w.headName,
      scene: w.scene,
      phone: w.phone ?? '',
      photoUrl: (w.photo && urls.get(w.photo)) || '',
    };
  },
});
