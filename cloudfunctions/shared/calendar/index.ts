/**
 * The one working-day calendar: every deadline, rotation and reminder asks it, and nothing else
 * imports chinese-days (only this folder and the seed do). A year is, in this order: the official
 * arrangement an admin entered (`calendar_years`, source 'official'); the one chinese-days ships;
 * or, when neither exists, the statutory rules (rules.ts), and then every answer is provisional.
 *
 *   const cal = await loadCalendar();            // staff actions and timers (data/calendarYears)
 *   const cal = calendarFromBucket(bucket);      // concern submissions: no read of their own
 *   cal.addWorkdays(3, '2027-02-03')             // { date: '2027-02-15', provisional: true }
 */
import type { CalendarYear, YearDays } from '@lxq/types';
import { isWeekend, shiftDate, WEEKDAY_NAMES, weekdayOf, yearOf } from './dates';
import { libraryDay, libraryKnows } from './library';
import { ruleYear } from './rules';

export type YearSource = 'official' | 'library' | 'rules';

export interface DayDetail {
  date: string;
  work: boolean;
  /** The holiday's name (元旦, 春节 …) on a festival day or a make-up day, else 周一 … 周日. */
  name: string;
  /** A festival's day off (not an ordinary weekend). */
  holiday: boolean;
  /** A weekend that is a working day (调休上班). */
  makeUp: boolean;
  /** Its year has no arrangement yet: computed from the statutory rules. */
  provisional: boolean;
}

export class Calendar {
  private years = new Map<number, { days: YearDays | null; source: YearSource }>();

  /** `official`: the entered years by year ("2027"), which win over chinese-days. */
  constructor(private official: Record<string, YearDays> = {}) {}

  /** Where a year comes from; its days, except for chinese-days' years (asked date by date). */
  year(y: number): { days: YearDays | null; source: YearSource } {
    let found = this.years.get(y);
    if (!found) {
      const entered = this.official[String(y)];
      found = entered
        ? { days: entered, source: 'official' }
        : libraryKnows(y)
          ? { days: null, source: 'library' }
          : { days: ruleYear(y), source: 'rules' };
      this.years.set(y, found);
    }
    return found;
  }

  dayDetail(date: string): DayDetail {
    const { days, source } = this.year(yearOf(date));
    const provisional = source === 'rules';
    const weekday = WEEKDAY_NAMES[weekdayOf(date)];
    const special = days
      ? days.on[date]
        ? { work: true, name: days.on[date] }
        : days.off[date]
          ? { work: false, name: days.off[date] }
          : null
      : libraryDay(date);
    if (special) return { date, ...special, holiday: !special.work, makeUp: special.work, provisional };
    return { date, work: !isWeekend(date), name: weekday, holiday: false, makeUp: false, provisional };
  }

  isWorkday(date: string): boolean {
    return this.dayDetail(date).work;
  }

  /**
   * The working day `n` working days after `from` (n = 0: `from` itself when it is one, else the
   * next), as chinese-days' findWorkday counts. Provisional when any day counted over is.
   */
  addWorkdays(n: number, from: string): { date: string; provisional: boolean } {
    let date = from;
    let provisional = this.dayDetail(date).provisional;
    let left = n;
    if (left === 0) {
      if (this.isWorkday(date)) return { date, provisional };
      left = 1;
    }
    while (left > 0) {
      date = shiftDate(date, 1);
      const d = this.dayDetail(date);
      provisional ||= d.provisional;
      if (d.work) left--;
    }
    return { date, provisional };
  }
}

/** The compact days of a stored year. */
export function yearDays(doc: Pick<CalendarYear, 'holidays' | 'workdays'>): YearDays {
  return {
    off: Object.fromEntries(doc.holidays.map((d) => [d.date, d.name])),
    on: Object.fromEntries(doc.workdays.map((d) => [d.date, d.name])),
  };
}

/**
 * The calendar a concern submission counts with: the entered years its bucket carries (copied
 * there when an admin saves a year) over chinese-days. The bucket is read by the submission anyway,
 * so the calendar costs it no round trip.
 */
export const calendarFromBucket = (bucket: { calendar?: Record<string, YearDays> }) =>
  new Calendar(bucket.calendar ?? {});

export { ruleYear, statutoryDays } from './rules';
export { libraryYear, libraryYearDocs } from './library';
