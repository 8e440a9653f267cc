import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { forbidden } from '../../shared/errors';
import { pageShiftReceptions } from '../../shared/data/receptions';
import { getShift } from '../../shared/data/shifts';
import { toReceptionView } from '../domain/views';

/** A shift's receptions: for its members, and for staff in scope. */
export default defineAction({
  name: 'duty.listReceptions',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  async handler({ shiftId, page, pageSize }, ctx) {
    const shift = await getShift(shiftId);
    const caller = await ctx.caller();
    const onShift = !!caller.user && shift.memberIds.includes(caller.user._id);
    if (!onShift && !mayAct(caller, ['staff', 'admin'], shift.unitPath))
      throw forbidden('您不能查看这个班次的接待记录');
    const { items, total } = await pageShiftReceptions(shiftId, page, pageSize);
    return { items: items.map(toReceptionView), total, page, pageSize };
  },
});
