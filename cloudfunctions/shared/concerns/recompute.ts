/**
 * When a year's arrangement is entered, the accept deadlines counted provisionally are counted
 * again with it. Runs from the admin's save (as far as its time allows) and from the daily timer,
 * which resumes whatever is left: it pages by deadline and stops before the function's time limit.
 * A concern counted again leaves the provisional set, so each page starts over, past the ones that
 * stay provisional (their deadline still runs into a year not entered).
 */
import { DEFAULT_CONCERN_LIMITS } from '@lxq/types';
import type { Calendar } from '../calendar';
import { clearProvisional, provisionalBatch, setAcceptDeadline } from '../data/provisionalConcerns';
import { acceptDeadline } from './deadlines';

const BATCH = 100;

export interface Recomputed {
  /** Deadlines now final. */
  fixed: number;
  /** Still provisional (their year is still missing). */
  provisional: number;
  /** The time ran out before the last page: the next run goes on. */
  unfinished: boolean;
}

export async function recomputeProvisional(calendar: Calendar, now: Date, budgetMs: number): Promise<Recomputed> {
  const stopAt = Date.now() + budgetMs;
  const out: Recomputed = { fixed: 0, provisional: 0, unfinished: false };
  for (;;) {
    if (Date.now() > stopAt) return { ...out, unfinished: true };
    const batch = await provisionalBatch(out.provisional, BATCH);
    for (const c of batch) {
      if (c.status !== 'submitted') {
        await clearProvisional(c._id);
        continue;
      }
      const due = acceptDeadline(new Date(c.createdAt), c.limits ?? DEFAULT_CONCERN_LIMITS, calendar);
      if (await setAcceptDeadline(c._id, due.at, due.provisional, now)) {
        if (due.provisional) out.provisional++;
        else out.fixed++;
      }
    }
    if (batch.length < BATCH) return out;
  }
}
