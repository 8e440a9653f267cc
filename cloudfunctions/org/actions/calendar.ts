import { defineAction } from '../../shared/action';
import { libraryYear, libraryYearDocs, ruleYear, statutoryDays } from '../../shared/calendar';
import { listCalendarYears, putCalendarYear } from '../../shared/data/calendarYears';
import { inChina, iso } from '../../shared/time';
import { missingYearWarning } from '../domain/calendar';

/** Staff read the working-day calendar; admins also get to edit it (the page asks `canEdit`). */
export default defineAction({
  name: 'org.calendar',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    let stored = await listCalendarYears();
    // First run on a fresh environment (no seed): store the years chinese-days knows, once.
    if (!stored.some((y) => y.source === 'library')) {
      for (const doc of libraryYearDocs(inChina(ctx.now).year() + 1, ctx.now)) await putCalendarYear(doc);
      stored = await listCalendarYears();
    }
    const warning = missingYearWarning(ctx.now, stored);
    const year = input.year ?? inChina(ctx.now).year() + (warning ? 1 : 0);
    const doc = stored.find((y) => y.year === year);
    const library = libraryYear(year);
    const computed = library ?? ruleYear(year);
    const list = (m: Record<string, string>) => Object.entries(m).map(([date, name]) => ({ date, name }));
    const caller = await ctx.caller();
    return {
      years: stored.map((y) => ({
        year: y.year,
        source: y.source,
        complete: y.complete,
        holidays: y.holidays.length,
        workdays: y.workdays.length,
        enteredBy: y.enteredBy?.name ?? '',
        updatedAt: iso(y.updatedAt),
      })),
      detail: {
        year,
        source: doc?.source ?? (library ? 'library' : 'rules'),
        holidays: doc ? doc.holidays : list(computed.off).sort((a, b) => a.date.localeCompare(b.date)),
        workdays: doc ? doc.workdays : list(computed.on),
        statutory: statutoryDays(year),
        enteredBy: doc?.enteredBy?.name ?? '',
      },
      warning,
      canEdit: caller.roles.includes('admin'),
    };
  },
});
