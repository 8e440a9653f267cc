/**
 * The years chinese-days knows (2004 to its last release's year). These are the same days the
 * seed stores in `calendar_years` with source 'library', so a function counts them from its own
 * bundle instead of reading them.
 */
import { getDayDetail } from 'chinese-days';
import { STATUTORY_HOLIDAYS, type CalendarYear, type YearDays } from '@lxq/types';
import { daysOfYear } from './dates';

const known = new Map<number, boolean>();

function chineseName(name: string): string {
  const zh = name.split(',')[1] ?? name;
  return STATUTORY_HOLIDAYS.find((h) => zh.startsWith(h)) ?? zh;
}

/** Whether chinese-days has the year's arrangement: 1 January is 元旦 in every year it has. */
export function libraryKnows(year: number): boolean {
  if (!known.has(year)) {
    known.set(year, year >= 2004 && year <= 2100 && getDayDetail(`${year}-01-01`).name.includes(','));
  }
  return known.get(year)!;
}

/**
 * One date of a year chinese-days has: a festival's day off or a make-up working day (with the
 * holiday's name), or null for an ordinary day. Asked date by date: reading a whole year costs
 * tens of milliseconds, too much for every fresh instance.
 */
export function libraryDay(date: string): { work: boolean; name: string } | null {
  const d = getDayDetail(date);
  return d.name.includes(',') ? { work: d.work, name: chineseName(d.name) } : null;
}

/** A whole year chinese-days has, or null (the seed and the first run store it). */
export function libraryYear(year: number): YearDays | null {
  if (!libraryKnows(year)) return null;
  const days: YearDays = { off: {}, on: {} };
  for (const date of daysOfYear(year)) {
    const d = libraryDay(date);
    if (d) (d.work ? days.on : days.off)[date] = d.name;
  }
  return days;
}

/** The years chinese-days knows up to `until`, as `calendar_years` stores them (seed, first run). */
export function libraryYearDocs(until: number, at: Date): CalendarYear[] {
  const docs: CalendarYear[] = [];
  for (let year = 2004; year <= until; year++) {
    const days = libraryYear(year);
    if (!days) continue;
    const list = (m: Record<string, string>) => Object.entries(m).map(([date, name]) => ({ date, name }));
    docs.push({
      _id: String(year),
      year,
      holidays: list(days.off),
      workdays: list(days.on),
      source: 'library',
      complete: true,
      enteredBy: null,
      updatedAt: at,
    });
  }
  return docs;
}
