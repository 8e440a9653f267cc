import type { CalendarYear, YearDays } from '@lxq/types';
import { Calendar, yearDays } from '../calendar';
import { db } from '../cloud';

const years = () => db.collection('calendar_years');

/** Every stored year, oldest first (a few dozen small documents). */
export async function listCalendarYears(): Promise<CalendarYear[]> {
  const { data } = await years().orderBy('year', 'asc').limit(1000).get();
  return data as CalendarYear[];
}

export async function getCalendarYear(year: number): Promise<CalendarYear | null> {
  const { data } = await years()
    .where({ _id: String(year) })
    .limit(1)
    .get();
  return (data[0] as CalendarYear) ?? null;
}

export async function putCalendarYear(doc: CalendarYear): Promise<void> {
  const { _id, ...rest } = doc;
  await years().doc(_id).set({ data: rest });
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
