import { settleShift, unsettledEndedBefore } from '../shared/data/shifts';

/**
 * The timer's job: every shift that has ended is settled once, its still-pending members marked
 * absent. Safe to run twice: a settled shift is not read again, and the conditional update lets
 * a sign-in that raced the timer win.
 */
export async function markAbsences(now: Date) {
  let shifts = 0;
  let absent = 0;
  for (let round = 0; round < 20; round++) {
    const batch = await unsettledEndedBefore(now, 100);
    if (!batch.length) break;
    for (const s of batch) {
      absent += await settleShift(s);
      shifts++;
    }
    if (batch.length < 100) break;
  }
  return { shifts, absent };
}
