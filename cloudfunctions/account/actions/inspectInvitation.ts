import type { Invitation } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalidState, notFound } from '../../shared/errors';
import { findInvitationByCode } from '../../shared/data/invitations';
import { getUnit } from '../../shared/data/units';
import { iso } from '../../shared/time';
import { invitationStatus } from '../domain/invitationView';
import { HOUR } from '../../shared/limits';

export default defineAction({
  name: 'account.inspectInvitation',
  roles: ['citizen'],
  mutates: false,
  // Guessing invitation codes.
  limit: { windows: [{ seconds: HOUR, max: 30 }], attempts: true },
  async handler({ code }, ctx) {
    const inv = await usableInvitation(code, ctx.now);
    const unitName = inv.unitName ?? (await getUnit(inv.unitId)).name;
    return { name: inv.name, role: inv.role, unitName, expiresAt: iso(inv.expiresAt) };
  },
});

/**
 * The invitation behind a code, or the reason it cannot be used, in words a person understands.
 * `binder`: the one who claimed it may still finish binding it (their first try lost its answer).
 */
export async function usableInvitation(code: string, now: Date, binder?: string): Promise<Invitation> {
  const inv = await findInvitationByCode(code);
  if (!inv) throw notFound('邀请码不存在，请核对后重新输入');
  if (binder && inv.usedAt && inv.usedBy === binder) return inv;
  const status = invitationStatus(inv, now);
  if (status === 'used') throw invalidState('该邀请码已被使用，每个邀请码只能绑定一次');
  if (status === 'expired') throw invalidState('该邀请码已过期（有效期 7 天），请联系工作人员重新生成');
  return inv;
}
