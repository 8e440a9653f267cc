import type { ExportJob } from '@lxq/types';
import { _, db } from '../cloud';
import type { Cell } from '../xlsx';

const jobs = () => db.collection('export_jobs');
const parts = () => db.collection('export_parts');

/** Stores a new one under the id it carries (from ctx.newId(), so a retry fails on it). */
export async function insertExportJob(doc: ExportJob): Promise<void> {
  await jobs().add({ data: doc });
}

export async function getExportJob(id: string): Promise<ExportJob | null> {
  const { data } = await jobs().where({ _id: id }).limit(1).get();
  return (data[0] as ExportJob) ?? null;
}

/**
 * Takes a running job whose lease has passed (nobody works on it, or its worker died): one run
 * at a time moves a job, so no chunk is read twice. Answers whether this run got it.
 */
export async function claimJob(id: string, lease: string, now: Date, leaseMs: number): Promise<boolean> {
  const { stats } = await jobs()
    .where({ _id: id, status: 'running', leaseUntil: _.lte(now) })
    .update({ data: { lease, leaseUntil: new Date(now.getTime() + leaseMs), runs: _.inc(1), updatedAt: now } });
  return stats.updated === 1;
}

/** Records a chunk written as part `parts`, while this run still holds the lease. */
export async function advanceJob(
  id: string,
  lease: string,
  patch: { parts: number; done: number; total?: number },
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const { stats } = await jobs()
    .where({ _id: id, lease })
    .update({ data: { ...patch, updatedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) } });
  return stats.updated === 1;
}

/** Ends this run's lease: the next run (a kick or the minute timer) may take the job at once. */
export async function releaseJob(id: string, lease: string, now: Date): Promise<void> {
  await jobs()
    .where({ _id: id, lease })
    .update({ data: { lease: '', leaseUntil: now, updatedAt: now } });
}

export async function endJob(
  id: string,
  lease: string,
  end: { status: 'done' | 'failed'; fileId?: string | null; error?: string | null },
  now: Date,
): Promise<void> {
  await jobs()
    .where({ _id: id, lease })
    .update({ data: { ...end, lease: '', updatedAt: now } });
}

/** Running jobs nobody works on (their lease has passed), oldest lease first. */
export async function runnableJobs(now: Date, limit: number): Promise<ExportJob[]> {
  const { data } = await jobs()
    .where({ status: 'running', leaseUntil: _.lte(now) })
    .orderBy('leaseUntil', 'asc')
    .limit(limit)
    .get();
  return data as ExportJob[];
}

export interface ExportPart {
  _id: string;
  jobId: string;
  n: number;
  rows: Cell[][];
  createdAt: Date;
}

/** A chunk's rows under an id of its job and number: a run repeating it writes the same document. */
export async function putPart(jobId: string, n: number, rows: Cell[][], now: Date): Promise<void> {
  await parts()
    .doc(`${jobId}:${n}`)
    .set({ data: { jobId, n, rows, createdAt: now } });
}

export async function getPart(jobId: string, n: number): Promise<ExportPart | null> {
  const { data } = await parts().where({ jobId, n }).limit(1).get();
  return (data[0] as ExportPart) ?? null;
}

export async function removeParts(jobId: string): Promise<void> {
  await parts().where({ jobId }).remove();
}
