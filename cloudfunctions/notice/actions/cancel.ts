import { defineAction } from '../../shared/action';
import { getNotice, moveStatus } from '../../shared/data/notices';
import { invalidState } from '../../shared/errors';
import { unitOfNotice } from '../domain/unitOfNotice';

/**
 * Calls off a scheduled notice before it goes out. The change is conditional on the notice still
 * being scheduled, as the timer's claim to send it is: when both come at the same moment exactly
 * one of them wins, so a cancelled notice is never delivered and a notice on its way is never
 * marked cancelled.
 */
export default defineAction({
  name: 'notice.cancel',
  roles: ['staff', 'admin'],
  mutates: true,
  // A retry finds it cancelled already (INVALID_STATE) and is given the first answer.
  retrySafe: true,
  unitOf: unitOfNotice,
  async handler({ id }, ctx) {
    const notice = await getNotice(id);
    if (notice.status === 'scheduled') {
      const by = await ctx.user();
      const patch = { status: 'cancelled' as const, cancelledAt: ctx.now, cancelledByName: by.name };
      if (await moveStatus(id, 'scheduled', patch, notice)) {
        ctx.audit(`notices/${id}`, { status: 'scheduled', sendAt: notice.sendAt }, patch);
        return { _id: id, status: patch.status };
      }
    }
    throw invalidState(
      notice.status === 'cancelled'
        ? '这条通知已经取消了'
        : '这条通知已开始发送，不能再取消；如有误，请另发一条更正通知',
    );
  },
});
