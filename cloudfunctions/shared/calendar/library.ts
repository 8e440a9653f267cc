/**
 * The years chinese-days knows (2004 to its last release's year), read day by day from it once per
 * instance. These are the same days the seed stores in `calendar_years` with source 'library', so a
 * function counts them from its own bundle instead of reading them.
 */
import { getDayDetail } from 'chinese-days';
import { STATUTORY_HOLIDAYS, type CalendarYear, type YearDays } from '@lxq/types';
import { daysOfYear } from './dates';

const known = new Map<number, YearDays | null>();

/** Its names are "Spring Festival,春节,4"; ours are the Chinese word, as the notices write it. */
function chineseName(name: string): string {
  const zh = name.split(',')[1] ?? name;
  return STATUTORY_HOLIDAYS.find((h) => zh.startsWith(h)) ?? zh;
}

export function libraryYear(year: number): YearDays | null {
  if (known.has(year)) return known.get(year)!;
  const days: YearDays = { off: {}, on: {} };
  if (year >= 2004 && year <= 2100) {
    for (const date of daysOfYear(year)) {
      const d = getDayDetail(date);
      if (!d.name.includes(',')) continue;
      (d.work ? days.on : days.off)[date] = chineseName(d.name);
    }
  }
  const found = Object.keys(days.off).length ? days : null;
  known.set(year, found);
  return found;
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
