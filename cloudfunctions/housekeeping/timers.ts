/**
 * The config.json timer jobs (China time): at night the purge of what is past its retention and
 * the removal of personal data past the units' retention, then the recount of the counter documents
 * and the backfill of their month slices.
 */
import { deidentifyExpired } from './domain/deidentify';
import { purgeExpired } from './domain/purge';
import { recountCounters } from './domain/recount';
import { backfillMonths } from './domain/monthsBackfill';

/** Of the function's 60 s, what the purge and then the de-identification may take: the rest is the margin to stop cleanly. */
const PURGE_MS = 25_000;
const DEIDENTIFY_MS = 25_000;
/** Of the 60 s, what the recount and then the month-slice backfill may take: a big deployment's backfill spans a few nights. */
const RECOUNT_MS = 45_000;

export const runPurge = async (now: Date) => {
  const purged = await purgeExpired(now, PURGE_MS);
  return { ...purged, deidentified: await deidentifyExpired(now, DEIDENTIFY_MS) };
};

/** The recount, then the month slices of the counters that have none counted yet (monthsBackfill.ts). */
export const runRecount = async (now: Date) => {
  const started = Date.now();
  const recount = await recountCounters(now);
  return { ...recount, months: await backfillMonths(now, RECOUNT_MS - (Date.now() - started)) };
};
