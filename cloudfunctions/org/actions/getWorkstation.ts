import { defineAction } from '../../shared/action';
import { tempFileUrls } from '../../shared/cloud';
import { getUnitsByIds } from '../../shared/data/units';
import { notFound } from '../../shared/errors';
import { effectiveLists } from '../../shared/unitLists';
import { getWorkstation } from '../../shared/data/workstations';
import { toSummary } from '../domain/workstationView';

export default defineAction({
  name: 'org.getWorkstation',
  roles: ['citizen'],
  mutates: false,
  async handler({ workstationId, scene }) {
    const w = await getWorkstation({ id: workstationId, scene });
    // The path's units give the name and the nearest list of categories in the same read.
    const [units, urls] = await Promise.all([getUnitsByIds(w.unitPath), tempFileUrls(w.photo ? [w.photo] : [])]);
    const unit = units.get(w.unitId);
    if (!unit) throw notFound('所选单位不存在');
    return {
      ...toSummary(w),
      unitName: unit.name,
      headName: w.headName,
      scene: w.scene,
      phone: w.phone ?? '',
      photoUrl: (w.photo && urls.get(w.photo)) || '',
      categories: effectiveLists([...units.values()], w.unitPath).categories,
    };
  },
});
