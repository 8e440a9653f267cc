import { defineAction } from '../../shared/action';
import { AppError, invalidState } from '../../shared/errors';
import { moveLeave } from '../../shared/data/leaves';
import { notify } from '../../shared/notify';
import { swapAskedOfMe } from '../domain/targets';

/**
 * The member asked to take a shift accepts (it goes to staff) or declines (it ends there). Open
 * to 'citizen' at the router: the request names the partner's openid, so no user is loaded. The
 * status change is conditional, so a retry is refused by it (retrySafe). Round trips: the
 * request, the change, the requester's inbox, the audit entry (4).
 */
export default defineAction({
  name: 'duty.answerSwap',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: swapAskedOfMe,
  async handler({ id, accept }, ctx, { doc: request }) {
    if (request.status !== 'awaiting_partner') throw invalidState('这条调班申请已处理');
    const status = accept ? ('pending' as const) : ('declined' as const);
    if (!(await moveLeave(id, 'awaiting_partner', { status, updatedAt: ctx.now }, request))) {
      throw new AppError('CONFLICT', '这条调班申请刚被处理，请刷新');
    }
    ctx.audit(`leaves/${id}`, { status: request.status }, { status });
    const me = request.partnerName ?? '接班委员';
    if (request.requesterOpenid) {
      await notify(
        {
          id: `${id}:answer`,
          openid: request.requesterOpenid,
          kind: 'shift',
          title: accept ? `${me}同意接班，等待审批` : `${me}未同意接班`,
          body: accept
            ? `${me}同意接替您在${request.workstationName}的值班，工作人员审批后生效。`
            : `${me}未同意接替您在${request.workstationName}的值班，您可以另找委员或申请请假。`,
          page: '/member/duty/index',
          refId: id,
        },
        ctx.now,
        { guarded: true },
      );
    }
    return { _id: id, status };
  },
});
