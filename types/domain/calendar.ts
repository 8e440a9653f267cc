/**
 * The working-day calendar, one document per year (`calendar_years`, `_id` = the year). The
 * years `chinese-days` knows are seeded from it (source 'library'); later years are entered by an
 * admin from the State Council's notice (source 'official'). A year with no document is computed
 * from the statutory rules and every date in it is provisional.
 */

/** The holidays every citizen has off (全国年节及纪念日放假办法, as revised in 2025). */
export const STATUTORY_HOLIDAYS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆'] as const;
export type HolidayName = (typeof STATUTORY_HOLIDAYS)[number];

/** One date of the arrangement: "2027-02-06", "春节". */
export interface CalendarDay {
  date: string;
  name: string;
}

export interface CalendarYear {
  _id: string;
  year: number;
  /** Every day off of the festival blocks, weekends inside a block included. */
  holidays: CalendarDay[];
  /** Make-up working days (调休上班): weekends that are working days. */
  workdays: CalendarDay[];
  source: 'library' | 'official';
  /** Every statutory holiday of the year is among the days off. */
  complete: boolean;
  /** Who entered an official year, and from which unit (a lower unit may not overwrite it). */
  enteredBy: { openid: string; name: string; unitId: string; unitPath: string[] } | null;
  updatedAt: Date;
}

/** A year's days in the compact form the calendar computes with (and concern buckets carry). */
export interface YearDays {
  /** Days off that are not ordinary weekends, or festival weekends: date → holiday name. */
  off: Record<string, string>;
  /** Make-up working days: date → holiday name. */
  on: Record<string, string>;
}
