/** Housekeeping has no actions, only the timers of timers.ts. */
import { createMain } from '../shared/router';
import { runPurge, runRecount } from './timers';

export const main = createMain('housekeeping', [], {
  purgeExpired: runPurge,
  recountCounters: runRecount,
});
