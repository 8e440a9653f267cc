/**
 * Quarters and years as China counts them, whatever zone the function runs in (the cloud runtime
 * is UTC): a record at 23:30 on 31 March Beijing time is 15:30 UTC and belongs to Q1.
 */
import type { LiaisonPeriod, LiaisonProgress, LiaisonQuota } from '@lxq/types';
import { inChina } from '../../shared/time';

export interface Span {
  start: Date;
  end: Date;
}

/** The China quarter an instant falls in. */
export function periodOf(at: Date): LiaisonPeriod {
  const d = inChina(at);
  return { year: d.year(), quarter: Math.floor(d.month() / 3) + 1 };
}

/** The chosen period, or the one `now` is in; a later one than now is refused by the caller. */
export function chosenPeriod(input: Partial<LiaisonPeriod>, now: Date): LiaisonPeriod {
  const current = periodOf(now);
  return { year: input.year ?? current.year, quarter: input.quarter ?? (input.year ? 4 : current.quarter) };
}

/** Midnight Beijing time on the first day of a month (month 0–11), as an instant. */
function chinaMonthStart(year: number, month: number): Date {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  // Beijing has had no daylight saving since 1991: UTC+8 is exact for every date we store.
  return new Date(Date.UTC(y, m, 1) - 8 * 3_600_000);
}

export function quarterSpan({ year, quarter }: LiaisonPeriod): Span {
  return { start: chinaMonthStart(year, (quarter - 1) * 3), end: chinaMonthStart(year, quarter * 3) };
}

export function yearSpan(year: number): Span {
  return { start: chinaMonthStart(year, 0), end: chinaMonthStart(year + 1, 0) };
}

/** The China quarter (1–4) of a China month (1–12), as the aggregate's `$month` answers it. */
export const quarterOfMonth = (month: number) => Math.floor((month - 1) / 3) + 1;

/** The China instant of a day and a clock time typed by a person ('2026-03-31', '23:30'). */
export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/**
 * What a member still lacks for the period: the quarter's activities, and the year's person-times
 * pro rata to the quarters so far (50 a year → 13 by the end of Q1, 25 by Q2, 38 by Q3, 50 by Q4).
 */
export function shortfalls(p: Omit<LiaisonProgress, 'shortfalls'>, quota: LiaisonQuota, quarter: number): string[] {
  const out: string[] = [];
  if (p.quarterActivities < quota.activitiesPerQuarter) {
    out.push(
      p.quarterActivities === 0
        ? '本季度尚无联系活动'
        : `本季度活动 ${p.quarterActivities}/${quota.activitiesPerQuarter} 次`,
    );
  }
  const due = yearTargetBy(quota, quarter);
  if (p.yearPersonTimes < due) out.push(`全年人次 ${p.yearPersonTimes}/${quota.personTimesPerYear}，按进度应达 ${due}`);
  return out;
}

export const yearTargetBy = (quota: LiaisonQuota, quarter: number) =>
  Math.ceil((quota.personTimesPerYear * quarter) / 4);

export function progressOf(
  totals: Omit<LiaisonProgress, 'shortfalls'>,
  quota: LiaisonQuota,
  quarter: number,
): LiaisonProgress {
  return { ...totals, shortfalls: shortfalls(totals, quota, quarter) };
}
