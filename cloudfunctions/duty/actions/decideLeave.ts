import type { LeaveRequest, Shift } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { AppError, invalidState } from '../../shared/errors';
import { getLeave, moveLeave } from '../../shared/data/leaves';
import { getShift, replaceShiftIfUnchanged, setPendingOutcome } from '../../shared/data/shifts';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUsersByIds } from '../../shared/data/users';
import { tellMembers } from '../domain/notices';
import { blankMember, refuseConflicts } from '../domain/roster';
import { chinaClock } from '../domain/times';

/** Staff approve or refuse a leave or swap; on approval the roster changes and everyone is told. */
export default defineAction({
  name: 'duty.decideLeave',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: async ({ id }) => (await getLeave(id)).unitPath,
  async handler({ id, approve, note }, ctx) {
    const staff = await ctx.user();
    const request = await getLeave(id);
    if (request.status !== 'pending') throw invalidState('这条申请不在待审批状态');
    const shift = await getShift(request.shiftId);
    if (approve) await applyToRoster(request, shift, ctx.now);
    const status = approve ? ('approved' as const) : ('refused' as const);
    const patch = { status, decidedBy: staff._id, decisionNote: note ?? null, updatedAt: ctx.now };
    if (!(await moveLeave(id, 'pending', patch, request))) throw new AppError('CONFLICT', '这条申请刚被处理，请刷新');
    ctx.audit(`leaves/${id}`, request, { ...request, ...patch });

    const when = `${shift.date} ${chinaClock(shift.start)}-${chinaClock(shift.end)}`;
    const what =
      request.kind === 'swap' ? `由${request.partnerName}接替${request.requesterName}` : `${request.requesterName}请假`;
    await tellMembers(
      [
        { openid: request.requesterOpenid, userId: request.requesterId },
        ...(request.partnerId ? [{ openid: request.partnerOpenid, userId: request.partnerId }] : []),
      ],
      {
        eventId: ctx.newId('told'),
        title: `${when} ${what}${approve ? '已批准' : '未获批准'}`,
        body: `${shift.workstationName} ${when}：${what}${approve ? '已批准，排班已更新' : '未获批准'}。${note ? `意见：${note}` : ''}`,
        station: shift.workstationName,
        start: shift.start,
        change: approve ? '已批准' : '未批准',
      },
      ctx.now,
    );
    return { _id: id, status };
  },
});

async function applyToRoster(request: LeaveRequest, shift: Shift, now: Date) {
  if (shift.status !== 'scheduled' || shift.start <= now) throw invalidState('班次已开始或已取消，无法调整');
  const index = shift.members.findIndex((m) => m.userId === request.requesterId);
  if (index < 0) throw invalidState('申请人已不在该班次中');
  if (request.kind === 'leave') {
    if (!(await setPendingOutcome(shift, index, request.requesterId, 'leave', now))) {
      throw new AppError('CONFLICT', '班次刚被修改，请刷新后重试');
    }
    return;
  }
  const [partner] = await getUsersByIds([request.partnerId!]);
  if (!partner) throw invalidState('接班委员已不存在');
  const sectors = await getSectorsByIds([partner.sectorId ?? '']);
  const members = shift.members.map((m, i) =>
    i === index ? blankMember(partner, sectors.get(partner.sectorId ?? '')?.name ?? '') : m,
  );
  const next = { ...shift, members, memberIds: members.map((m) => m.userId) };
  await refuseConflicts([next], shift._id);
  if (!(await replaceShiftIfUnchanged(shift, { members, memberIds: next.memberIds, updatedAt: now }))) {
    throw new AppError('CONFLICT', '班次刚被修改，请刷新后重试');
  }
}
