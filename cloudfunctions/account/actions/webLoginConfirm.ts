import { WEB_SESSION_TTL_DAYS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { decideWebLogin } from '../../shared/data/webLogins';
import { insertWebSession } from '../../shared/data/webSessions';
import { addDays } from '../../shared/time';
import { pendingLogin } from './webLoginInspect';

/**
 * The person on the phone says yes: the login moves on (once, before it expires) and a session
 * is opened for them; the PC collects its ticket on its next poll.
 */
export default defineAction({
  name: 'account.webLoginConfirm',
  // Handling units (承办单位) work at a desk too (PRODUCT.md §1).
  roles: ['staff', 'admin', 'handler'],
  mutates: true,
  retrySafe: true,
  async handler({ id }, ctx) {
    const login = await pendingLogin(id, ctx.now);
    const user = await ctx.user();
    const sessionId = ctx.newId('web-session');
    const decided = {
      status: 'confirmed' as const,
      openid: ctx.openid,
      name: user.name,
      sessionId,
      decidedAt: ctx.now,
    };
    if (!(await decideWebLogin(id, ctx.now, decided, 'pending', login)))
      throw invalidState('该二维码已使用或已过期，请在电脑上刷新后重新扫码');
    const session = {
      _id: sessionId,
      openid: ctx.openid,
      userId: user._id,
      device: login.device,
      createdAt: ctx.now,
      expiresAt: addDays(ctx.now, WEB_SESSION_TTL_DAYS),
      endedAt: null,
    };
    await insertWebSession(session);
    ctx.audit(`web_sessions/${sessionId}`, null, { device: login.device, login: id });
    return { device: login.device };
  },
});
