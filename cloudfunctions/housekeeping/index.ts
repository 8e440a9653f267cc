/**
 * Housekeeping has no actions, only timers (config.json, China time): at night the purge of what
 * is past its retention, then the recount of the counter documents.
 */
import { createMain } from '../shared/router';
import { purgeExpired } from './purge';
import { recountCounters } from './recount';

/** Of the function's 60 s, what the purge may take: the rest is the margin to stop cleanly. */
const PURGE_MS = 50_000;

export const main = createMain('housekeeping', [], {
  purgeExpired: (now) => purgeExpired(now, PURGE_MS),
  recountCounters,
});
