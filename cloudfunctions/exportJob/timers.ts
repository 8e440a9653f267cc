/**
 * The export worker, run by the minute timer and by the function's own kicks: works the jobs
 * nobody holds, one after another within the run's budget, and kicks a successor when a job
 * still has rows to read (shared/kick.ts).
 */
import { runnableJobs } from '../shared/data/exportJobs';
import { workChained } from '../shared/kick';
import { kickWorker } from './domain/kick';
import { runJob } from './domain/worker';

/** Well inside the function's 60 s timeout (config.json). */
export const RUN_BUDGET_MS = 40_000;

export async function runExports() {
  return workChained(
    await runnableJobs(new Date(), 5),
    RUN_BUDGET_MS,
    (job, left) => runJob(job._id, left),
    kickWorker,
  );
}
