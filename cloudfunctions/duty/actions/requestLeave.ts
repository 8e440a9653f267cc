import type { LeaveRequest } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalid, invalidState } from '../../shared/errors';
import { insertLeave, openLeaveOf } from '../../shared/data/leaves';
import { getShift } from '../../shared/data/shifts';
import { getUsersByIds } from '../../shared/data/users';
import { notify } from '../../shared/notify';
import { chinaClock } from '../domain/times';

/** A member asks to be excused from a shift, or proposes that another member takes it (swap). */
export default defineAction({
  name: 'duty.requestLeave',
  roles: ['member'],
  mutates: true,
  async handler(input, ctx) {
    const me = await ctx.user();
    const shift = await getShift(input.shiftId);
    const mine = shift.members.find((m) => m.userId === me._id);
    if (!mine) throw invalidState('您不在这个班次的值班名单中');
    if (shift.status !== 'scheduled' || shift.start <= ctx.now) throw invalidState('班次已开始或已取消，不能再申请');
    if (mine.outcome !== 'pending') throw invalidState('您在该班次已有结果，不能再申请');
    if (await openLeaveOf(shift._id, me._id)) throw invalidState('该班次已有待处理的申请');
    const partner = input.kind === 'swap' ? await swapPartner(input.partnerId!, shift.memberIds, me._id) : null;

    const request: LeaveRequest = {
      _id: ctx.newId('leave'),
      kind: input.kind,
      shiftId: shift._id,
      workstationId: shift.workstationId,
      workstationName: shift.workstationName,
      unitPath: shift.unitPath,
      shiftStart: shift.start,
      shiftEnd: shift.end,
      requesterId: me._id,
      requesterName: me.name,
      requesterOpenid: me.openid,
      partnerId: partner?._id ?? null,
      partnerName: partner?.name ?? null,
      partnerOpenid: partner?.openid ?? null,
      reason: input.reason,
      status: partner ? 'awaiting_partner' : 'pending',
      decidedBy: null,
      decisionNote: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await insertLeave(request);
    ctx.audit(`leaves/${request._id}`, null, request);
    if (partner?.openid) {
      const when = `${shift.date} ${chinaClock(shift.start)}-${chinaClock(shift.end)}`;
      await notify(
        {
          id: `${request._id}:ask`,
          openid: partner.openid,
          kind: 'shift',
          title: `${me.name}请您接替 ${when} 的值班`,
          body: `${me.name}因“${input.reason}”请您接替 ${shift.workstationName} ${when} 的值班，请在“我的值班”中确认。`,
          page: '/member/duty/index',
          refId: request._id,
          push: {
            template: 'shiftChange',
            values: {
              thing1: shift.workstationName,
              time2: shift.start,
              thing3: `${me.name}请您接班`,
              phrase4: '待确认',
            },
          },
        },
        ctx.now,
      );
    }
    return { _id: request._id, status: request.status };
  },
});

async function swapPartner(partnerId: string, onShift: string[], myId: string) {
  if (partnerId === myId) throw invalid({ partnerId: '不能和自己调班' });
  if (onShift.includes(partnerId)) throw invalid({ partnerId: '对方已在这个班次中' });
  const [partner] = await getUsersByIds([partnerId]);
  if (!partner || !partner.roles.includes('member')) throw invalid({ partnerId: '所选委员不存在' });
  return partner;
}
