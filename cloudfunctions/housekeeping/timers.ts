/**
 * The config.json timer jobs (China time): at night the purge of what is past its retention,
 * then the recount of the counter documents.
 */
import { purgeExpired } from './domain/purge';
import { recountCounters } from './domain/recount';

/** Of the function's 60 s, what the purge may take: the rest is the margin to stop cleanly. */
const PURGE_MS = 50_000;

export const runPurge = (now: Date) => purgeExpired(now, PURGE_MS);

export const runRecount = recountCounters;
