import { WEB_LOGIN_TTL_SECONDS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { miniProgramCode } from '../../shared/cloud';
import { insertWebLogin } from '../../shared/data/webLogins';
import { iso } from '../../shared/time';

/** The mini-program page a scan of the PC's code opens (its `scene` is the login id). */
export const CONFIRM_PAGE = 'account/weblogin';

export default defineAction({
  name: 'account.webLoginStart',
  roles: ['citizen'],
  webGuestOnly: true,
  mutates: true,
  retrySafe: true,
  async handler({ device }, ctx) {
    const id = ctx.newId('web-login');
    const expiresAt = new Date(ctx.now.getTime() + WEB_LOGIN_TTL_SECONDS * 1000);
    await insertWebLogin({
      _id: id,
      starter: ctx.openid,
      device,
      status: 'pending',
      createdAt: ctx.now,
      expiresAt,
      openid: null,
      name: null,
      sessionId: null,
      decidedAt: null,
    });
    const png = await miniProgramCode(CONFIRM_PAGE, id);
    ctx.audit(`web_logins/${id}`, null, { device, expiresAt });
    return { id, expiresAt: iso(expiresAt), qr: `data:image/png;base64,${png.toString('base64')}` };
  },
});
