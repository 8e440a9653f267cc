import type { LeaveRequest } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalid, invalidState } from '../../shared/errors';
import { insertLeave } from '../../shared/data/leaves';
import { notify } from '../../shared/notify';
import { myShiftForRequest } from '../domain/targets';
import { chinaClock } from '../domain/times';

const OPEN = ['awaiting_partner', 'pending'];

/**
 * A member asks to be excused from a shift, or proposes that another member takes it (swap).
 * Open to 'citizen' at the router: the roster says who may ask (by openid). One read brings the
 * shift, the requests already made on it and the partner; the insert's id comes from ctx.newId(),
 * so a retry fails on it (retrySafe). Round trips: 3 for leave, 4 for a swap (the partner's inbox).
 */
export default defineAction({
  name: 'duty.requestLeave',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: myShiftForRequest,
  async handler(input, ctx, { doc: { shift, requests, partner }, at }) {
    const partnerId = input.kind === 'swap' ? input.partnerId! : null;
    const mine = shift.members[at];
    if (shift.status !== 'scheduled' || shift.start <= ctx.now) throw invalidState('班次已开始或已取消，不能再申请');
    if (mine.outcome !== 'pending') throw invalidState('您在该班次已有结果，不能再申请');
    // This request's own, stored before it died, is no other request: the retry finishes it (resume.ts).
    const id = ctx.newId('leave');
    if (requests.some((r) => r._id !== id && r.requesterId === mine.userId && OPEN.includes(r.status))) {
      throw invalidState('该班次已有待处理的申请');
    }
    if (partnerId) {
      if (partnerId === mine.userId) throw invalid({ partnerId: '不能和自己调班' });
      if (shift.memberIds.includes(partnerId)) throw invalid({ partnerId: '对方已在这个班次中' });
      if (!partner?.roles.includes('member')) throw invalid({ partnerId: '所选委员不存在' });
      if (!partner.unitPath.includes(shift.unitId)) throw invalid({ partnerId: '所选委员不属于本工作站所在单位' });
    }

    const request: LeaveRequest = {
      _id: id,
      kind: input.kind,
      shiftId: shift._id,
      workstationId: shift.workstationId,
      workstationName: shift.workstationName,
      unitPath: shift.unitPath,
      shiftStart: shift.start,
      shiftEnd: shift.end,
      requesterId: mine.userId,
      requesterName: mine.name,
      requesterOpenid: ctx.openid,
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
          title: `${mine.name}请您接替 ${when} 的值班`,
          body: `${mine.name}因“${input.reason}”请您接替 ${shift.workstationName} ${when} 的值班，请在“我的值班”中确认。`,
          page: '/member/duty/index',
          refId: request._id,
          push: {
            template: 'shiftChange',
            values: {
              thing1: shift.workstationName,
              time2: shift.start,
              thing3: `${mine.name}请您接班`,
              phrase4: '待确认',
            },
          },
        },
        ctx.now,
        { guarded: true },
      );
    }
    return { _id: request._id, status: request.status };
  },
});
