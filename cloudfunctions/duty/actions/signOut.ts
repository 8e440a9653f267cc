import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { requestMark } from '../../shared/resume';
import { getShift, markSignedOut } from '../../shared/data/shifts';
import { answer, checkPresence, checkSignOutWindow } from '../domain/signing';
import { myShift } from '../domain/targets';

/** A member signs out where the station is; before the end it counts as leaving early. */
export default defineAction({
  name: 'duty.signOut',
  roles: ['citizen'],
  mutates: true,
  // A retry finds its own write on the shift and answers it; its audit insert then meets the
  // first one's and returns the first answer. No lookup first: 3 round trips.
  retrySafe: true,
  target: myShift,
  async handler(input, ctx, { doc: shift, at: index }) {
    const member = shift.members[index];
    if (!member.signedInAt) throw invalidState('您还没有签到，不能签退');
    const mark = requestMark();
    if (member.signedOutAt && mark && member.signedOutBy === mark) {
      // This request signed out before it died (resume.ts): finish as the first call would have.
      const before = { ...member, signedOutAt: null, earlyLeave: false, signedOutBy: undefined };
      ctx.audit(`shifts/${shift._id}/members/${member.userId}`, before, member);
      return answer(shift._id, member, false);
    }
    if (member.signedOutAt) return answer(shift._id, member, true);
    checkSignOutWindow(shift, ctx.now);
    checkPresence(shift, input, ctx.now);
    const signed = { ...member, signedOutAt: ctx.now, earlyLeave: ctx.now < shift.end, signedOutBy: mark };
    if (
      !(await markSignedOut(shift._id, index, member.userId, {
        signedOutAt: ctx.now,
        earlyLeave: signed.earlyLeave,
        signedOutBy: mark,
      }))
    ) {
      return answer(shift._id, (await getShift(shift._id)).members[index], true);
    }
    ctx.audit(`shifts/${shift._id}/members/${member.userId}`, member, signed);
    return answer(shift._id, signed, false);
  },
});
