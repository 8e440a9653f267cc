/**
 * What the calendar actions and the daily timer share: reading an entry (pasted notice or form),
 * the warning that next year is missing, and passing a saved year on to where it is used (the
 * concern buckets submissions count from, and the provisional deadlines to count again).
 */
import type { CalendarDay, CalendarYear, YearDays } from '@lxq/types';
import { Calendar, yearDays } from '../../shared/calendar';
import { arrangementProblems, missingHolidays, normalized, parseArrangement } from '../../shared/calendar/arrangement';
import { setBucketCalendars } from '../../shared/data/concernCounters';
import { listRootUnits } from '../../shared/data/units';
import { recomputeProvisional, type Recomputed } from '../../shared/concerns/recompute';
import { inChina } from '../../shared/time';

export interface Entry {
  year: number;
  text?: string;
  holidays?: CalendarDay[];
  workdays?: CalendarDay[];
}

/** The entry read and checked: the dates, each statutory holiday missing, each unusable date or line. */
export function readEntry(entry: Entry) {
  const parsed = entry.text?.trim()
    ? parseArrangement(entry.year, entry.text)
    : { holidays: entry.holidays ?? [], workdays: entry.workdays ?? [], unread: [] };
  const problems = [
    ...arrangementProblems(entry.year, parsed),
    ...parsed.unread.map((line) => `未能识别：「${line.slice(0, 40)}」`),
  ];
  const days = normalized(entry.year, parsed);
  return { ...days, problems, missing: problems.length ? [] : missingHolidays(entry.year, days) };
}

/** From 1 November (China time), when next year has no arrangement: what the console tells admins. */
export function missingYearWarning(now: Date, stored: Pick<CalendarYear, 'year'>[]): string | null {
  const today = inChina(now);
  const next = today.year() + 1;
  if (today.month() < 10 || stored.some((y) => y.year === next)) return null;
  return `${next} 年的放假安排尚未录入。录入前，截止日期只按法定节假日推算并标为「暂定」；国务院办公厅发布通知后，请管理员在「工作日历」中录入。`;
}

/** Entered years from last year on: what buckets carry (older ones no submission counts in). */
export function recentOfficial(stored: CalendarYear[], now: Date): Record<string, YearDays> {
  const from = inChina(now).year() - 1;
  return Object.fromEntries(
    stored.filter((y) => y.source === 'official' && y.year >= from).map((y) => [String(y.year), yearDays(y)]),
  );
}

/** Copies the entered years to the buckets, then counts provisional deadlines again, within `budgetMs`. */
export async function applyCalendar(stored: CalendarYear[], now: Date, budgetMs: number): Promise<Recomputed> {
  const roots = await listRootUnits();
  await setBucketCalendars(
    roots.map((u) => u._id),
    recentOfficial(stored, now),
  );
  const official = Object.fromEntries(
    stored.filter((y) => y.source === 'official').map((y) => [String(y.year), yearDays(y)]),
  );
  return recomputeProvisional(new Calendar(official), now, budgetMs);
}
