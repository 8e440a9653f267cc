import type { ActionInput, ExportJobView } from '@lxq/types';
import { call } from './call';
import { openWorkbook } from './download';
import { randomId } from './random';

/** What an export ended with: the table's message and the workbook's link. */
export interface ExportDone {
  text: string;
  url: string;
  fileName: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "已导出 3,200 / 12,000" */
export const progressText = (job: Pick<ExportJobView, 'done' | 'total'>) =>
  `已导出 ${count(job.done)} / ${count(job.total)}`;

/**
 * Exports a staff table as filtered through the one export job: a small table comes back at once;
 * a big one is followed until done, its progress told as it goes. Opens the workbook and answers
 * its link (a browser may not open a download that no click started).
 */
export async function runExport(
  input: ActionInput<'exportJob.start'>,
  progress: (text: string) => void = () => undefined,
): Promise<ExportDone> {
  // One export per click: its own request id, so a retried call starts it once.
  let job = await call('exportJob.start', input, { requestId: randomId(24) });
  while (job.status === 'running') {
    progress(progressText(job));
    await new Promise((r) => setTimeout(r, 1000));
    job = await call('exportJob.status', { id: job._id });
  }
  if (job.status === 'failed' || !job.url) throw new Error(job.error ?? '导出失败，请稍后重试');
  await openWorkbook(job.url, job.fileName).catch(() => undefined);
  return { text: `已导出 ${count(job.done)} 行`, url: job.url, fileName: job.fileName };
}
