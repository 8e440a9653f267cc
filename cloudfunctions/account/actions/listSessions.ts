import { defineAction } from '../../shared/action';
import { webIdentity } from '../../shared/cloud';
import { listOpenSessions } from '../../shared/data/webSessions';
import { iso } from '../../shared/time';

/** 我的 → 已登录的设备: the PCs signed in as the caller, and which one is asking. */
export default defineAction({
  name: 'account.listSessions',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const current = webIdentity()?.customUserId ?? '';
    const sessions = await listOpenSessions(ctx.openid, ctx.now);
    return {
      items: sessions.map((s) => ({
        _id: s._id,
        device: s.device,
        createdAt: iso(s.createdAt),
        expiresAt: iso(s.expiresAt),
        current: s._id === current,
      })),
    };
  },
});
