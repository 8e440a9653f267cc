import type { Invitation, InvitationView } from '@lxq/types';
import { iso } from '../../shared/time';

export function invitationStatus(inv: Invitation, now: Date): InvitationView['status'] {
  if (inv.usedAt) return 'used';
  return new Date(inv.expiresAt).getTime() <= now.getTime() ? 'expired' : 'open';
}

export function toView(inv: Invitation, unitName: string, now: Date): InvitationView {
  return {
    _id: inv._id,
    code: inv.code,
    name: inv.name,
    role: inv.role,
    unitId: inv.unitId,
    unitName,
    status: invitationStatus(inv, now),
    expiresAt: iso(inv.expiresAt),
    createdAt: iso(inv.createdAt),
  };
}
