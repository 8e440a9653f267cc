import { defineAction } from '../../shared/action';
import { readEntry } from '../domain/calendar';

/** An admin's preview of what a pasted notice (or the form) would store, and what it lacks. */
export default defineAction({
  name: 'org.checkCalendarYear',
  roles: ['admin'],
  mutates: false,
  async handler(input) {
    const { holidays, workdays, missing, problems } = readEntry(input);
    return { year: input.year, holidays, workdays, missing, problems };
  },
});
