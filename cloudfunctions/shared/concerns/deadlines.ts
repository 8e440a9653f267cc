/**
 * Deadlines of a concern, in China time: accept or reject within N working days (the working-day
 * calendar, shared/calendar), first reply within M calendar days. A deadline is the end of its day
 * in Asia/Shanghai, whatever zone the function runs in.
 */
import { DEFAULT_CONCERN_LIMITS, type ConcernLimits } from '@lxq/types';
import { Calendar } from '../calendar';
import { inChina, ZONE } from '../time';
import dayjs from 'dayjs';

/**
 * The accept deadline; `provisional` when a day it counts over lies in a year whose arrangement
 * is not entered yet (it is recomputed when that year is).
 */
export function acceptDeadline(
  submittedAt: Date,
  limits: ConcernLimits = DEFAULT_CONCERN_LIMITS,
  calendar: Calendar = new Calendar(),
): { at: Date; provisional: boolean } {
  const { date, provisional } = calendar.addWorkdays(
    limits.acceptWorkingDays,
    inChina(submittedAt).format('YYYY-MM-DD'),
  );
  return { at: endOfChinaDay(date), provisional };
}

export function acceptDue(
  submittedAt: Date,
  limits: ConcernLimits = DEFAULT_CONCERN_LIMITS,
  calendar?: Calendar,
): Date {
  return acceptDeadline(submittedAt, limits, calendar).at;
}

export function replyDue(from: Date, limits: ConcernLimits = DEFAULT_CONCERN_LIMITS): Date {
  return endOfChinaDay(inChina(from).add(limits.replyDays, 'day').format('YYYY-MM-DD'));
}

function endOfChinaDay(day: string): Date {
  return dayjs.tz(`${day} 23:59:59.999`, ZONE).toDate();
}

/** "2026Q1": the quarter a moment falls in, in China time. */
export function quarterOf(at: Date): string {
  const d = inChina(at);
  return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
}

export const isOverdue = (dueAt: Date | null | undefined, now: Date) => !!dueAt && new Date(dueAt) < now;
