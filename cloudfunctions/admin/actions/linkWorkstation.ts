import { defineAction } from '../../shared/action';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { getWorkstation, updateWorkstation } from '../../shared/data/workstations';
import { invalid } from '../../shared/errors';
import { refuseRetired } from '../domain/units';

/** The sectors a workstation serves (a 界别委员活动站 serves its sector). */
export default defineAction({
  name: 'admin.linkWorkstation',
  roles: ['admin'],
  mutates: true,
  unitOf: async (input) => (await getWorkstation({ id: input.workstationId })).unitPath,
  async handler(input, ctx) {
    const station = await getWorkstation({ id: input.workstationId });
    refuseRetired(await getUnit(station.unitId));
    const sectors = await getSectorsByIds(input.sectorIds);
    // Sectors of the station's unit or of a unit above it.
    if (input.sectorIds.some((id) => !station.unitPath.includes(sectors.get(id)?.unitId ?? ''))) {
      throw invalid({ sectorIds: '只能关联本单位或上级单位的界别' });
    }
    const sectorIds = [...new Set(input.sectorIds)];
    await updateWorkstation(station._id, { sectorIds }, station);
    ctx.audit(`workstations/${station._id}`, { sectorIds: station.sectorIds ?? [] }, { sectorIds });
    return { _id: station._id };
  },
});
