import { randomInt } from 'node:crypto';
import { INVITATION_TTL_DAYS, type Invitation, type InvitableRole, type OrgUnit } from '@lxq/types';
import { addDays } from '../../shared/time';

/** 8 characters without look-alikes (no 0/O, 1/I/L), as account.createInvitation makes them. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newCode() {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export function invitationFor(
  p: { _id: string; name: string; role: InvitableRole; phone: string; sectorId: string | null },
  unit: OrgUnit,
  by: string,
  now: Date,
): Invitation {
  return {
    _id: p._id,
    code: newCode(),
    name: p.name,
    role: p.role,
    unitId: unit._id,
    unitPath: unit.path,
    unitName: unit.name,
    sectorId: p.role === 'member' ? p.sectorId : null,
    userId: null,
    createdBy: by,
    createdAt: now,
    expiresAt: addDays(now, INVITATION_TTL_DAYS),
    usedAt: null,
    usedBy: null,
    phone: p.phone,
  };
}
