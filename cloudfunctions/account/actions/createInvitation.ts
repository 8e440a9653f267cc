import { randomInt } from 'node:crypto';
import { INVITATION_TTL_DAYS, type Invitation } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { miniProgramCode } from '../../shared/cloud';
import { forbidden, invalid } from '../../shared/errors';
import { getHandlingUnits } from '../../shared/data/proposals';
import { insertInvitation } from '../../shared/data/invitations';
import { getUnit } from '../../shared/data/units';
import { addDays } from '../../shared/time';
import { toView } from '../domain/invitationView';
import { DAY, HOUR } from '../../shared/limits';

export const INVITE_PAGE = 'account/invite';

export default defineAction({
  name: 'account.createInvitation',
  roles: ['staff', 'admin'],
  mutates: true,
  limit: {
    windows: [
      { seconds: HOUR, max: 30 },
      { seconds: DAY, max: 100 },
    ],
    durable: true,
  },
  unitOf: async (input) => (await getUnit(input.unitId)).path,
  async handler(input, ctx) {
    const caller = await ctx.caller();
    if (input.role === 'admin' && !caller.roles.includes('admin')) throw forbidden('只有管理员可以邀请管理员');
    const unit = await getUnit(input.unitId);
    const department = input.role === 'handler' ? await handlingUnitIn(input.handlingUnitId!, unit._id) : null;
    const invitation: Invitation = {
      _id: ctx.newId('invitation'),
      code: newCode(),
      name: input.name,
      role: input.role,
      unitId: unit._id,
      unitPath: unit.path,
      // A handler's invitation shows the department they will answer for.
      unitName: department?.name ?? unit.name,
      sectorId: input.role === 'member' ? (input.sectorId ?? null) : null,
      handlingUnitId: department?._id ?? null,
      userId: null,
      createdBy: caller.user?._id ?? caller.openid,
      createdAt: ctx.now,
      expiresAt: addDays(ctx.now, INVITATION_TTL_DAYS),
      usedAt: null,
      usedBy: null,
    };
    await insertInvitation(invitation);
    ctx.audit(`invitations/${invitation._id}`, null, invitation);
    const png = await miniProgramCode(INVITE_PAGE, invitation.code);
    return { ...toView(invitation, unit.name, ctx.now), qr: `data:image/png;base64,${png.toString('base64')}` };
  },
});

/** The department must be one the unit hands proposals to. */
async function handlingUnitIn(id: string, unitId: string) {
  const [department] = await getHandlingUnits([id]);
  if (!department || !department.unitPath.includes(unitId))
    throw invalid({ handlingUnitId: '承办单位不存在或不属于该单位' });
  return department;
}

/** 8 characters without look-alikes (no 0/O, 1/I/L), easy to read out over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newCode() {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
