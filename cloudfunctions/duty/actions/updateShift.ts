import { defineAction } from '../../shared/action';
import { AppError, invalidState } from '../../shared/errors';
import { getShift, replaceShiftIfUnchanged } from '../../shared/data/shifts';
import { getWorkstation } from '../../shared/data/workstations';
import { tellMembers } from '../domain/notices';
import { newShift, refuseConflicts, rosterPeople } from '../domain/roster';
import { shiftUnit } from '../domain/scope';
import { chinaClock } from '../domain/times';

export default defineAction({
  name: 'duty.updateShift',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: shiftUnit,
  async handler(input, ctx) {
    const before = await getShift(input.shiftId);
    if (before.status !== 'scheduled') throw invalidState('该班次已取消，不能修改');
    if (before.start <= ctx.now || before.signedInCount > 0) throw invalidState('班次已开始，不能再修改');
    const station = await getWorkstation({ id: before.workstationId });
    const people = await rosterPeople(station, input.memberIds);
    // Members who stay keep their record; newcomers start pending.
    for (const m of before.members) if (people.has(m.userId)) people.set(m.userId, m);
    const next = newShift(before._id, station, { ...input, date: before.date }, people, before.createdBy, ctx.now);
    await refuseConflicts([next], before._id);
    const patch = {
      start: next.start,
      end: next.end,
      members: next.members,
      memberIds: next.memberIds,
      updatedAt: ctx.now,
    };
    if (!(await replaceShiftIfUnchanged(before, patch)))
      throw new AppError('CONFLICT', '班次刚被他人修改，请刷新后重试');
    ctx.audit(`shifts/${before._id}`, before, { ...before, ...patch });

    const removed = before.members.filter((m) => !next.memberIds.includes(m.userId));
    const notified = await tellMembers(
      [...next.members, ...removed],
      {
        eventId: ctx.newId('told'),
        title: `${next.date} ${chinaClock(next.start)}-${chinaClock(next.end)} 班次已调整`,
        body: `${station.name} ${next.date} 的值班已调整为 ${chinaClock(next.start)}-${chinaClock(next.end)}，值班委员：${next.members.map((m) => m.name).join('、')}。${removed.length ? `${removed.map((m) => m.name).join('、')} 不再值此班。` : ''}`,
        station: station.name,
        start: next.start,
        change: '已调整',
      },
      ctx.now,
    );
    return { _id: before._id, notified };
  },
});
