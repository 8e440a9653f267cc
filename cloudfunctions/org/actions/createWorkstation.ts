import type { Workstation } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { insertWorkstation } from '../../shared/data/workstations';
import { workstationPatch } from '../domain/workstationFields';

export default defineAction({
  name: 'org.createWorkstation',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: async ({ unitId }) => (await getUnit(unitId)).path,
  async handler(input, ctx) {
    const unit = await getUnit(input.unitId);
    const _id = `ws-${ctx.newId('workstation').slice(0, 12)}`;
    const station: Workstation = {
      _id,
      unitId: unit._id,
      unitPath: unit.path,
      ...(await workstationPatch(input, unit.path, ctx.openid)),
      sectorIds: [],
      // The mini-program code's scene (≤ 32 characters) names the station.
      scene: `ws=${_id.slice(3)}`,
    } as Workstation;
    await insertWorkstation(station);
    ctx.audit(`workstations/${_id}`, null, station);
    return { _id, scene: station.scene };
  },
});
