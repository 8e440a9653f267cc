import type { LeaveRequest } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { leavesOnShifts } from '../../shared/data/leaves';
import { pageMemberShifts } from '../../shared/data/shifts';
import { toMyShift } from '../domain/views';

export default defineAction({
  name: 'duty.myShifts',
  roles: ['member'],
  mutates: false,
  async handler({ when, page, pageSize }, ctx) {
    const me = await ctx.user();
    const { items, total } = await pageMemberShifts(me._id, when, ctx.now, page, pageSize);
    const requests = await leavesOnShifts(
      me._id,
      items.map((s) => s._id),
    );
    // The newest request per shift is the one that tells where it stands.
    const latest = new Map<string, LeaveRequest>();
    for (const r of requests) if (!latest.has(r.shiftId)) latest.set(r.shiftId, r);
    return { items: items.map((s) => toMyShift(s, me._id, latest.get(s._id) ?? null)), total, page, pageSize };
  },
});
