import { defineAction } from '../../shared/action';
import { getWorkstation, updateWorkstation } from '../../shared/data/workstations';
import { workstationPatch } from '../domain/workstationFields';

/** Edits a station; its unit and QR scene stay, so printed posters keep working. */
export default defineAction({
  name: 'org.updateWorkstation',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: async ({ id }) => (await getWorkstation({ id })).unitPath,
  async handler(input, ctx) {
    const before = await getWorkstation({ id: input.id });
    const patch = await workstationPatch(input, before.unitPath);
    await updateWorkstation(before._id, patch);
    ctx.audit(`workstations/${before._id}`, before, { ...before, ...patch });
    return { _id: before._id };
  },
});
