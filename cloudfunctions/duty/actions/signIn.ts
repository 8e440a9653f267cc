import { defineAction } from '../../shared/action';
import { getShift, markSignedIn, noteFailedSignIn } from '../../shared/data/shifts';
import { answer, checkPresence, checkSignInWindow } from '../domain/signing';
import { myShift } from '../domain/targets';
import { MINUTE, refuseOver, type ActionLimit } from '../../shared/limits';
import { requestMark } from '../../shared/resume';

/**
 * A member signs in: on the roster, inside the window, where the station is (by distance or by
 * the tablet's code). Signing in again answers the first sign-in. Open to 'citizen' at the router
 * on purpose: the roster itself says who may sign in (by openid), which saves loading the user:
 * the shift, the conditional change and the audit entry, 3 database round trips.
 */
const LIMIT: ActionLimit = { windows: [{ seconds: 10 * MINUTE, max: 10 }], attempts: true };

export default defineAction({
  name: 'duty.signIn',
  roles: ['citizen'],
  mutates: true,
  // A retry finds its own write on the shift and answers it; its audit insert then meets the
  // first one's and returns the first answer. No lookup first: 3 round trips.
  retrySafe: true,
  // Attempts, failed ones included: guessing the station's 6-digit code takes thousands.
  // In this instance by caller; across instances by the refusals kept on the member's entry.
  limit: LIMIT,
  target: myShift,
  async handler(input, ctx, { doc: shift, at: index }) {
    const member = shift.members[index];
    const mark = requestMark();
    if (member.signedInAt && mark && member.signedInBy === mark) {
      // This request signed in before it died (resume.ts): finish as the first call would have.
      const pending = { ...member, signedInAt: null, method: null, distance: null, outcome: 'pending' as const };
      ctx.audit(`shifts/${shift._id}/members/${member.userId}`, { ...pending, signedInBy: undefined }, member);
      return answer(shift._id, member, false);
    }
    if (member.signedInAt) return answer(shift._id, member, true);
    checkSignInWindow(shift, ctx.now);
    const refusals = (member.failedSignIns ?? []).map((t) => new Date(t).getTime());
    refuseOver(LIMIT.windows, refusals, ctx.now);
    let where: ReturnType<typeof checkPresence>;
    try {
      where = checkPresence(shift, input, ctx.now);
    } catch (err) {
      // A wrong code or a phone far away: one more refusal, written only on this uncommon path.
      await noteFailedSignIn(shift._id, index, member.userId, ctx.now, LIMIT.windows[0].max);
      throw err;
    }
    const signed = {
      ...member,
      signedInAt: ctx.now,
      method: where.method,
      distance: where.distance,
      outcome: ctx.now > shift.start ? ('late' as const) : ('on_time' as const),
      signedInBy: mark,
    };
    const { signedInAt, method, distance, outcome } = signed;
    const patch = { signedInAt, method, distance, outcome, signedInBy: mark };
    if (!(await markSignedIn(shift._id, index, member.userId, patch))) {
      // A twin (another request of the same member) signed in first: answer what it stored.
      const now = (await getShift(shift._id)).members[index];
      return answer(shift._id, now, true);
    }
    ctx.audit(`shifts/${shift._id}/members/${member.userId}`, member, signed);
    return answer(shift._id, signed, false);
  },
});
