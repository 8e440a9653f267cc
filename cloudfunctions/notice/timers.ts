/**
 * The delivery job, run by the minute timer and by kicks from the notice function itself:
 * prepare the notices whose time has come, then work the queue until the budget is spent, and
 * start a successor when work is left.
 */
import { claimPreparation, listDue } from '../shared/data/notices';
import { startWorkers } from './domain/delivery/kick';
import { LEASE_MS, WORKER_BUDGET_MS, prepareDelivery } from './domain/delivery/prepare';
import { workQueue } from './domain/delivery/worker';

/** Workers delivering one notice at once (the platform allows more instances; the database is shared). */
export const PARALLEL_WORKERS = 4;

export async function runDelivery() {
  const deadline = Date.now() + WORKER_BUDGET_MS;
  let prepared = 0;
  for (const notice of await listDue(new Date(), 5)) {
    const now = new Date();
    if (!(await claimPreparation(notice, now, new Date(now.getTime() + LEASE_MS)))) continue;
    const { batches } = await prepareDelivery(notice, now);
    prepared++;
    await startWorkers(Math.min(PARALLEL_WORKERS, batches) - 1);
  }
  const work = await workQueue(deadline);
  if (work.more) await startWorkers(1);
  return { prepared, ...work };
}
