import type { CalendarYear, YearDays } from '@lxq/types';
import { Calendar, yearDays } from '../calendar';
import { db } from '../cloud';
import { asFound, changeRecord } from '../rewind';

const years = () => db.collection('calendar_years');

/** Every stored year, oldest first (a few dozen small documents). */
export async function listCalendarYears(): Promise<CalendarYear[]> {
  const { data } = await years().orderBy('year', 'asc').limit(1000).get();
  return data as CalendarYear[];
}

/** The year as stored; to a retry of a save that stored it before dying, as that save found it (rewind.ts). */
export async function getCalendarYear(year: number): Promise<CalendarYear | null> {
  const { data } = await years()
    .where({ _id: String(year) })
    .limit(1)
    .get();
  return asFound((data[0] as CalendarYear) ?? null).found;
}

/** Stores the year whole; `before`, the year as the caller found it, rides along with the request's mark. */
export async function putCalendarYear(doc: CalendarYear, before: CalendarYear | null = null): Promise<void> {
  const { _id, ...rest } = doc;
  await years()
    .doc(_id)
    .set({ data: { ...rest, ...changeRecord(before, rest) } });
  forgetCalendar();
}

/** The officially entered years, as the calendar computes with them. */
export async function officialYears(): Promise<Record<string, YearDays>> {
  const { data } = await years().where({ source: 'official' }).orderBy('year', 'asc').limit(1000).get();
  return Object.fromEntries((data as CalendarYear[]).map((y) => [String(y.year), yearDays(y)]));
}

/**
 * The calendar for staff actions and timers, kept in the instance's memory for five minutes: a
 * year an admin enters on another instance is seen here within that time (and the deadlines
 * counted meanwhile stay marked provisional until the daily recompute).
 */
const KEEP_MS = 5 * 60_000;
let kept: { at: number; calendar: Calendar } | null = null;

export async function loadCalendar(now = Date.now()): Promise<Calendar> {
  if (kept && now - kept.at < KEEP_MS && now >= kept.at) return kept.calendar;
  kept = { at: now, calendar: new Calendar(await officialYears()) };
  return kept.calendar;
}

export function forgetCalendar(): void {
  kept = null;
}
