import { defineAction } from '../../shared/action';
import { AppError, invalidState } from '../../shared/errors';
import { getShift, replaceShiftIfUnchanged } from '../../shared/data/shifts';
import { tellMembers } from '../domain/notices';
import { shiftUnit } from '../domain/scope';
import { chinaClock } from '../domain/times';

export default defineAction({
  name: 'duty.cancelShift',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: shiftUnit,
  async handler(input, ctx) {
    const before = await getShift(input.shiftId);
    if (before.status !== 'scheduled') throw invalidState('该班次已取消');
    if (before.end <= ctx.now) throw invalidState('班次已结束，不能取消');
    if (before.signedInCount > 0) throw invalidState('已有委员签到，不能取消');
    const patch = { status: 'cancelled' as const, cancelReason: input.reason, settled: true, updatedAt: ctx.now };
    if (!(await replaceShiftIfUnchanged(before, patch)))
      throw new AppError('CONFLICT', '班次刚被他人修改，请刷新后重试');
    ctx.audit(`shifts/${before._id}`, before, { ...before, ...patch });
    const when = `${before.date} ${chinaClock(before.start)}-${chinaClock(before.end)}`;
    const notified = await tellMembers(
      before.members,
      {
        eventId: ctx.newId('told'),
        title: `${when} 班次已取消`,
        body: `${before.workstationName} ${when} 的值班已取消。原因：${input.reason}`,
        station: before.workstationName,
        start: before.start,
        change: '已取消',
      },
      ctx.now,
    );
    return { _id: before._id, notified };
  },
});
