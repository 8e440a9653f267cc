import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { decideWebLogin } from '../../shared/data/webLogins';
import { pendingLogin } from './webLoginInspect';

/** The person on the phone says no: the PC is told, and the code cannot be used again. */
export default defineAction({
  name: 'account.webLoginRefuse',
  // Handling units (承办单位) work at a desk too (PRODUCT.md §1).
  roles: ['staff', 'admin', 'handler'],
  mutates: true,
  retrySafe: true,
  async handler({ id }, ctx) {
    const login = await pendingLogin(id, ctx.now);
    const refused = { status: 'refused' as const, openid: ctx.openid, decidedAt: ctx.now };
    if (!(await decideWebLogin(id, ctx.now, refused, 'pending', login))) throw invalidState('该二维码已使用或已过期');
    ctx.audit(`web_logins/${id}`, { status: 'pending' }, { status: 'refused' });
    return { refused: true as const };
  },
});
