import type { Shift } from '@lxq/types';
import { createConcern } from '../../shared/concerns/create';

export interface OnBehalf {
  id: string;
  shift: Shift;
  /** The member on duty who records it, as the shift names them. */
  member: { userId: string; name: string; openid: string };
  category: string;
  title: string;
  text: string;
  phone: string | null;
  visitorName: string | null;
  now: Date;
}

/**
 * A concern recorded by a member for a person received on duty: source 'member', the member as
 * recorder, the person's consent noted in the timeline. The concern domain's createConcern does
 * the content check, deadlines and counters.
 */
export async function createConcernOnBehalf(p: OnBehalf): Promise<string> {
  const concern = await createConcern(
    {
      workstationId: p.shift.workstationId,
      category: p.category,
      title: p.title,
      text: p.text,
      phone: p.phone,
      anonymous: !p.visitorName,
    },
    {
      id: p.id,
      now: p.now,
      checkOpenid: p.member.openid,
      source: 'member',
      recorder: { userId: p.member.userId, name: p.member.name },
      consentNote: `值班接待时代${p.visitorName ? ` ${p.visitorName} ` : '群众'}登记（已征得本人同意）`,
      categoryField: 'concerns.0.category',
    },
  );
  return concern._id;
}
