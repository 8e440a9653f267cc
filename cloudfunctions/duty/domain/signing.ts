import type { GeoPoint, SignAnswer, Shift, ShiftMember } from '@lxq/types';
import { invalid, invalidState } from '../../shared/errors';
import { distanceMetres, distanceText } from '../../shared/geo';
import { iso } from '../../shared/time';
import { codeIsValid } from './stationCode';
import { chinaMoment, signInOpensAt, signOutClosesAt } from './times';

export interface Proof {
  location?: GeoPoint;
  code?: string;
}

/** Where the member is, checked against the station: by distance, or by the tablet's code. */
export function checkPresence(shift: Shift, proof: Proof, now: Date) {
  if (proof.code) {
    if (!codeIsValid(shift.workstationId, proof.code, now)) {
      throw invalid({ code: '签到码无效或已过期，请扫描工作站平板上的最新二维码' });
    }
    return { method: 'code' as const, distance: null };
  }
  const distance = Math.round(distanceMetres(proof.location!, shift.location));
  if (distance > shift.radius) {
    // A refusal about the input (where the phone is), so VALIDATION: the message sits under the field.
    throw invalid({ location: `距工作站 ${distanceText(distance)}，需在 ${shift.radius} 米内` });
  }
  return { method: 'location' as const, distance };
}

export function checkSignInWindow(shift: Shift, now: Date) {
  if (shift.status !== 'scheduled') throw invalidState('该班次已取消');
  const opens = signInOpensAt(shift.start);
  if (now < opens) throw invalidState(`签到尚未开始，${chinaMoment(opens)} 起可签到`);
  if (now > shift.end) throw invalidState(`该班次已于 ${chinaMoment(shift.end)} 结束，不能再签到`);
}

export function checkSignOutWindow(shift: Shift, now: Date) {
  const closes = signOutClosesAt(shift.end);
  if (now > closes) throw invalidState(`签退已于 ${chinaMoment(closes)} 截止`);
}

export function answer(shiftId: string, m: ShiftMember, already: boolean): SignAnswer {
  return {
    shiftId,
    outcome: m.outcome,
    signedInAt: iso(m.signedInAt),
    signedOutAt: iso(m.signedOutAt),
    method: m.method,
    distance: m.distance,
    earlyLeave: m.earlyLeave,
    already,
  };
}
