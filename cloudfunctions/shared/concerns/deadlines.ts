/**
 * Deadlines of a concern, in China time: accept or reject within N working days (chinese-days
 * knows holidays and make-up working days), first reply within M calendar days. A deadline is
 * the end of its day in Asia/Shanghai, whatever zone the function runs in.
 */
import { findWorkday } from 'chinese-days';
import { DEFAULT_CONCERN_LIMITS, type ConcernLimits } from '@lxq/types';
import { inChina, ZONE } from '../time';
import dayjs from 'dayjs';

export function acceptDue(submittedAt: Date, limits: ConcernLimits = DEFAULT_CONCERN_LIMITS): Date {
  const day = findWorkday(limits.acceptWorkingDays, inChina(submittedAt).format('YYYY-MM-DD'));
  return endOfChinaDay(day);
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
