/**
 * The export worker, run by the minute timer and by the function's own kicks: works the jobs
 * nobody holds, one after another within the run's budget, and kicks a successor when a job
 * still has rows to read.
 */
import { runnableJobs } from '../shared/data/exportJobs';
import { kickWorker } from './domain/kick';
import { runJob } from './domain/worker';

/** Well inside the function's 60 s timeout (config.json). */
export const RUN_BUDGET_MS = 40_000;

export async function runExports() {
  const started = Date.now();
  let more = false;
  const results: string[] = [];
  for (const job of await runnableJobs(new Date(), 5)) {
    const left = RUN_BUDGET_MS - (Date.now() - started);
    if (left < 10_000) {
      more = true;
      break;
    }
    const r = await runJob(job._id, left);
    results.push(r);
    if (r === 'more') more = true;
  }
  if (more) await kickWorker();
  return { results };
}
