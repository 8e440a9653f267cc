import { INVITATION_TTL_DAYS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getInvitation, renewInvitation } from '../../shared/data/invitations';
import { invalidState, notFound } from '../../shared/errors';
import { asFound } from '../../shared/rewind';
import { target } from '../../shared/target';
import { addDays, iso } from '../../shared/time';
import { newCode } from '../domain/invitations';

/** 重发: an unused invitation gets a new code, valid for another week (the old code stops working). */
export default defineAction({
  name: 'admin.resendInvitation',
  roles: ['admin'],
  mutates: true,
  target: target({
    load: async (input: { invitationId: string }) => {
      const inv = await getInvitation(input.invitationId);
      if (!inv) throw notFound('该邀请不存在');
      return inv;
    },
    may: { staffInScope: (inv) => inv.unitPath },
    refuse: '该邀请不在您的管辖范围内',
  }),
  async handler(_input, ctx, { doc: stored }) {
    // A retry of a call that died after storing its new code answers the code stored (the one
    // that works) instead of drawing another, and audits the code that call replaced.
    const { found, changed } = asFound(stored);
    const inv = found ?? stored;
    if (inv.usedAt) throw invalidState(`「${inv.name}」已使用该邀请完成绑定，无需重发`);
    const code = changed ? stored.code : newCode();
    const expiresAt = changed ? new Date(stored.expiresAt) : addDays(ctx.now, INVITATION_TTL_DAYS);
    if (!changed && !(await renewInvitation(inv, code, expiresAt))) {
      throw invalidState(`「${inv.name}」刚刚已使用该邀请完成绑定，无需重发`);
    }
    ctx.audit(`invitations/${inv._id}`, { code: inv.code, expiresAt: inv.expiresAt }, { code, expiresAt });
    return { _id: inv._id, code, expiresAt: iso(expiresAt) };
  },
});
