import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { endWebSession } from '../../shared/data/webSessions';

/**
 * Signs a PC out: its own 退出登录, or 下线 from the person's phone. Only the person's own
 * sessions; the next call from that PC is refused at once.
 */
export default defineAction({
  name: 'account.endSession',
  roles: ['member', 'staff', 'admin'],
  mutates: true,
  retrySafe: true,
  async handler({ id }, ctx) {
    if (!(await endWebSession(id, ctx.openid, ctx.now))) throw invalidState('该设备已退出登录');
    ctx.audit(`web_sessions/${id}`, { endedAt: null }, { endedAt: ctx.now });
    return { ended: true as const };
  },
});
