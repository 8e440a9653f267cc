import { defineAction } from '../../shared/action';
import { insertShifts } from '../../shared/data/shifts';
import { getWorkstation } from '../../shared/data/workstations';
import { newShift, refuseConflicts, rosterPeople } from '../domain/roster';
import { stationUnit } from '../domain/scope';

export default defineAction({
  name: 'duty.createShift',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: stationUnit,
  async handler(input, ctx) {
    const station = await getWorkstation({ id: input.workstationId });
    const people = await rosterPeople(station, input.memberIds);
    const shift = newShift(ctx.newId('shift'), station, input, people, (await ctx.user())._id, ctx.now);
    await refuseConflicts([shift]);
    await insertShifts([shift]);
    ctx.audit(`shifts/${shift._id}`, null, shift);
    return { _id: shift._id };
  },
});
