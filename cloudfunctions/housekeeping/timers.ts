/**
 * The config.json timer jobs (China time): at night the purge of what is past its retention and
 * the removal of personal data past the units' retention, then the recount of the counter documents.
 */
import { deidentifyExpired } from './domain/deidentify';
import { purgeExpired } from './domain/purge';
import { recountCounters } from './domain/recount';

/** Of the function's 60 s, what the purge and then the de-identification may take: the rest is the margin to stop cleanly. */
const PURGE_MS = 25_000;
const DEIDENTIFY_MS = 25_000;

export const runPurge = async (now: Date) => {
  const purged = await purgeExpired(now, PURGE_MS);
  return { ...purged, deidentified: await deidentifyExpired(now, DEIDENTIFY_MS) };
};

export const runRecount = recountCounters;
