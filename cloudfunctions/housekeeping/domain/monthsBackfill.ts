/**
 * Month slices for the counters made before slices existed: those counters have none, so the
 * dashboard showed their past months as zero. Each counter not yet counted has its slices counted
 * from its concerns, a page at a time, the progress kept on the counter so a run that runs out of
 * time leaves the rest to the next; the result is set whole and the counter stamped, so a second
 * run (or a retried one) changes nothing. Live changes go on bumping the slices meanwhile; one that
 * lands between a counter's last page and its stamp is overwritten by the count, which already
 * holds it unless it came after that page was read — a window of one page, at night.
 */
import { addConcernMonths } from '../../shared/concerns/counters';
import { allBuckets } from '../../shared/data/concernCounters';
import { bucketConcerns, finishMonthsBackfill, saveMonthsBackfill } from '../../shared/data/housekeeping';

/** Concerns read at a time (the database's page limit). */
const PAGE = 1000;

export interface BackfillResult {
  /** Counters whose slices were counted in this run. */
  counted: number;
  /** Counters still waiting (or part done) when the run's time was spent. */
  left: number;
}

export async function backfillMonths(now: Date, budgetMs: number, page = PAGE): Promise<BackfillResult> {
  const started = Date.now();
  const waiting = (await allBuckets()).filter((b) => !b.monthsCountedAt);
  let counted = 0;
  for (const b of waiting) {
    const progress = { read: b.monthsBackfill?.read ?? 0, months: b.monthsBackfill?.months ?? {} };
    for (;;) {
      if (Date.now() - started > budgetMs) return { counted, left: waiting.length - counted };
      const concerns = await bucketConcerns(b, progress.read, page);
      for (const c of concerns) addConcernMonths(progress.months, c);
      progress.read += concerns.length;
      if (concerns.length < page) break;
      await saveMonthsBackfill(b._id, progress);
    }
    await finishMonthsBackfill(b._id, progress.months, now);
    counted++;
  }
  return { counted, left: 0 };
}
