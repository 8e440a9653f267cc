import type { WebLogin } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalidState, notFound } from '../../shared/errors';
import { getWebLogin } from '../../shared/data/webLogins';
import { iso } from '../../shared/time';

/** What the phone shows before the person confirms: which device, asked when. */
export default defineAction({
  name: 'account.webLoginInspect',
  // Handling units (承办单位) work at a desk too (PRODUCT.md §1).
  roles: ['staff', 'admin', 'handler'],
  mutates: false,
  async handler({ id }, ctx) {
    const login = await pendingLogin(id, ctx.now);
    return { device: login.device, startedAt: iso(login.createdAt), expiresAt: iso(login.expiresAt) };
  },
});

/** The login behind a scanned code, or why it can no longer be confirmed, in a person's words. */
export async function pendingLogin(id: string, now: Date): Promise<WebLogin> {
  const login = await getWebLogin(id);
  if (!login) throw notFound('二维码无效，请在电脑上刷新后重新扫码');
  if (login.status === 'refused') throw invalidState('已拒绝这次登录，请在电脑上刷新后重新扫码');
  if (login.status !== 'pending') throw invalidState('该二维码已使用，请在电脑上刷新后重新扫码');
  if (new Date(login.expiresAt) <= now) throw invalidState('二维码已过期（2 分钟内有效），请在电脑上刷新后重新扫码');
  return login;
}
