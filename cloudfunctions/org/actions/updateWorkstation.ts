import { defineAction } from '../../shared/action';
import { updateWorkstation } from '../../shared/data/workstations';
import { managedStation } from '../domain/targets';
import { workstationPatch } from '../domain/workstationFields';

/** Edits a station; its unit and QR scene stay, so printed posters keep working. */
export default defineAction({
  name: 'org.updateWorkstation',
  roles: ['staff', 'admin'],
  mutates: true,
  target: managedStation,
  async handler(input, ctx, { doc: before }) {
    const patch = await workstationPatch(input, before.unitPath, ctx.openid, before);
    await updateWorkstation(before._id, patch, before);
    ctx.audit(`workstations/${before._id}`, before, { ...before, ...patch });
    return { _id: before._id };
  },
});
