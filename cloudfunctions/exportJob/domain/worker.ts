/**
 * One run of an export job: take its lease, read chunks of rows into parts until the run's
 * budget (time, and rows so a run's memory stays small) is spent, and when every row is read
 * join the parts into one workbook. Each chunk is recorded as it is written, so a run that dies
 * costs at most one chunk, done again by the next run.
 */
import { EXPORT_KIND_LABELS, type ExportJob } from '@lxq/types';
import { cloud } from '../../shared/cloud';
import { requestMark } from '../../shared/resume';
import {
  advanceJob,
  claimJob,
  endJob,
  getExportJob,
  getPart,
  putPart,
  releaseJob,
  removeParts,
} from '../../shared/data/exportJobs';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { SOURCES } from './sources';

/** Rows read at a time (the database's page limit). */
export const CHUNK = 1000;
/** Rows one run reads at most: the rest goes to the next run. */
export const ROWS_PER_RUN = 5000;
/** A run's lease outlives its budget, so a live run is never taken over. */
export const LEASE_MS = 75_000;
/** Time kept for joining the parts and storing the workbook: it grows with the rows. */
const finishMs = (rows: number) => Math.min(8_000, 500 + rows / 5);

export type RunResult = 'busy' | 'more' | 'done' | 'failed';

/**
 * `inCall`: the run is exportJob.start's own, inside its request. Its lease carries the request's
 * mark, so a retry of that request (the call died part-way, resume.ts) takes up the run its dead
 * attempt held instead of waiting out the lease, and finishes what that run left (a done job's
 * parts); a failed round trip fails the call, which the client retries, instead of the job.
 */
export async function runJob(id: string, budgetMs: number, inCall = false): Promise<RunResult> {
  const started = Date.now();
  const mark = inCall ? requestMark() : '';
  let lease = `${mark}${started.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let job: ExportJob;
  if (await claimJob(id, lease, new Date(), LEASE_MS)) job = (await getExportJob(id))!;
  else {
    const held = mark ? await getExportJob(id) : null;
    if (held?.status === 'done') {
      await removeParts(id);
      return 'done';
    }
    if (held?.status !== 'running' || !held.lease.startsWith(mark)) return 'busy';
    [job, lease] = [held, held.lease];
  }
  const source = SOURCES[job.kind];
  try {
    let read = 0;
    const reserve = finishMs(job.total);
    while (job.done < job.total && read < ROWS_PER_RUN && Date.now() - started < budgetMs - reserve) {
      const rows = await source.rows(job, job.parts * CHUNK, CHUNK);
      const n = job.parts + 1;
      await putPart(job._id, n, rows, new Date());
      // Fewer rows than asked: the filter matches fewer than it did (records removed); stop there.
      const done = rows.length < CHUNK ? job.done + rows.length : Math.min(job.total, job.done + rows.length);
      const total = rows.length < CHUNK ? done : job.total;
      if (!(await advanceJob(job._id, lease, { parts: n, done, total }, new Date(), LEASE_MS))) return 'busy';
      Object.assign(job, { parts: n, done, total });
      read += rows.length;
    }
    if (job.done < job.total || Date.now() - started > budgetMs - reserve) {
      await releaseJob(job._id, lease, new Date());
      return 'more';
    }
    await finish(job, lease);
    return 'done';
  } catch (err) {
    if (inCall) throw err;
    console.error('[exportJob] 导出失败', err);
    await endJob(job._id, lease, { status: 'failed', error: '导出失败，请稍后重试' }, new Date());
    return 'failed';
  }
}

async function finish(job: ExportJob, lease: string) {
  const source = SOURCES[job.kind];
  const rows: Cell[][] = [];
  for (let n = 1; n <= job.parts; n++) rows.push(...((await getPart(job._id, n))?.rows ?? []));
  const extra = source.extraSheets ? await source.extraSheets(job) : [];
  const bytes = workbook([{ name: source.sheet, header: source.header, rows, widths: source.widths }, ...extra]);
  const stamp = inChina(job.createdAt).format('YYYYMMDD-HHmmss');
  const cloudPath = `exports/${job.kind}/${job.unitId}/${stamp}-${job._id.slice(0, 6)}.xlsx`;
  const { fileID: fileId } = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })) as {
    fileID: string;
  };
  await endJob(job._id, lease, { status: 'done', fileId, error: null }, new Date());
  await removeParts(job._id);
}

export const fileNameOf = (kind: ExportJob['kind'], unitName: string, at: Date) =>
  `${EXPORT_KIND_LABELS[kind]}-${unitName}-${inChina(at).format('YYYYMMDD-HHmmss')}.xlsx`;
