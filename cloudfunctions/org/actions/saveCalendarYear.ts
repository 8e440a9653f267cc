import type { CalendarYear } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getCalendarYear, listCalendarYears, putCalendarYear } from '../../shared/data/calendarYears';
import { AppError } from '../../shared/errors';
import { applyCalendar, readEntry } from '../domain/calendar';

/** How long the save spends counting provisional deadlines again; the daily timer does the rest. */
const RECOMPUTE_MS = 4000;

const summary = (y: CalendarYear | null) =>
  y && { source: y.source, holidays: y.holidays.map((d) => d.date), workdays: y.workdays.map((d) => d.date) };

/**
 * An admin enters a year's official arrangement. It must be complete (every statutory holiday
 * among the days off) and its dates usable; each problem gets its own sentence. The calendar is
 * national, so any admin may enter a year; but a year entered by a higher unit is that unit's to
 * correct (the scope check on the unit that entered it).
 */
export default defineAction({
  name: 'org.saveCalendarYear',
  roles: ['admin'],
  mutates: true,
  async unitOf(input) {
    const stored = await getCalendarYear(input.year);
    return stored?.source === 'official' ? (stored.enteredBy?.unitPath ?? null) : null;
  },
  async handler(input, ctx) {
    const { holidays, workdays, missing, problems } = readEntry(input);
    if (problems.length) {
      throw new AppError('VALIDATION', `${input.year} 年的放假安排有误：${problems.join('；')}`, {
        text: problems.join('；'),
      });
    }
    if (missing.length) {
      throw new AppError('VALIDATION', `${input.year} 年的放假安排不完整：${missing.join('；')}`, {
        holidays: missing.join('；'),
      });
    }
    const user = await ctx.user();
    const before = await getCalendarYear(input.year);
    const doc: CalendarYear = {
      _id: String(input.year),
      year: input.year,
      holidays,
      workdays,
      source: 'official',
      complete: true,
      enteredBy: { openid: user.openid ?? ctx.openid, name: user.name, unitId: user.unitId, unitPath: user.unitPath },
      updatedAt: ctx.now,
    };
    await putCalendarYear(doc, before);
    const done = await applyCalendar(await listCalendarYears(), ctx.now, RECOMPUTE_MS);
    ctx.audit(`calendar_years/${input.year}`, summary(before), summary(doc));
    return {
      year: input.year,
      holidays: holidays.length,
      workdays: workdays.length,
      recomputed: done.fixed,
      unfinished: done.unfinished,
    };
  },
});
