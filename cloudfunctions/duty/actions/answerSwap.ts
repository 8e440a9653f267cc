import { defineAction } from '../../shared/action';
import { AppError, forbidden, invalidState } from '../../shared/errors';
import { getLeave, moveLeave } from '../../shared/data/leaves';
import { notify } from '../../shared/notify';

/** The member asked to take a shift accepts (it goes to staff) or declines (it ends there). */
export default defineAction({
  name: 'duty.answerSwap',
  roles: ['member'],
  mutates: true,
  async handler({ id, accept }, ctx) {
    const me = await ctx.user();
    const request = await getLeave(id);
    if (request.partnerId !== me._id) throw forbidden('这条调班申请不是发给您的');
    if (request.status !== 'awaiting_partner') throw invalidState('这条调班申请已处理');
    const status = accept ? ('pending' as const) : ('declined' as const);
    if (!(await moveLeave(id, 'awaiting_partner', { status, updatedAt: ctx.now }))) {
      throw new AppError('CONFLICT', '这条调班申请刚被处理，请刷新');
    }
    ctx.audit(`leaves/${id}`, { status: request.status }, { status });
    if (request.requesterOpenid) {
      await notify(
        {
          id: `${id}:answer`,
          openid: request.requesterOpenid,
          kind: 'shift',
          title: accept ? `${me.name}同意接班，等待审批` : `${me.name}未同意接班`,
          body: accept
            ? `${me.name}同意接替您在${request.workstationName}的值班，工作人员审批后生效。`
            : `${me.name}未同意接替您在${request.workstationName}的值班，您可以另找委员或申请请假。`,
          page: '/member/duty/index',
          refId: id,
        },
        ctx.now,
      );
    }
    return { _id: id, status };
  },
});
