import { defineAction } from '../../shared/action';
import { notFound } from '../../shared/errors';
import { decideWebLogin, getWebLogin } from '../../shared/data/webLogins';
import { createTicket } from '../../shared/webTicket';

/**
 * The PC asks every two seconds: one read while it waits. The ticket is handed over once, to
 * the browser that started the login, and the login is then used up.
 */
export default defineAction({
  name: 'account.webLoginPoll',
  roles: ['citizen'],
  mutates: false,
  async handler({ id }, ctx) {
    const login = await getWebLogin(id);
    if (!login || login.starter !== ctx.openid) throw notFound('二维码已失效，请刷新页面');
    if (login.status === 'confirmed' && login.sessionId) {
      const ticket = createTicket(login.sessionId, ctx.now);
      if (!(await decideWebLogin(id, ctx.now, { status: 'used' }, 'confirmed'))) return { status: 'used' };
      return { status: 'confirmed', ticket, name: login.name ?? '', sessionId: login.sessionId };
    }
    if (login.status === 'pending' && new Date(login.expiresAt) <= ctx.now) return { status: 'expired' };
    return { status: login.status === 'confirmed' ? 'pending' : login.status };
  },
});
