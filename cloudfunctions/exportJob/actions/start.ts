import type { ExportJob, ExportJobView } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { getExportJob, insertExportJob } from '../../shared/data/exportJobs';
import { invalid } from '../../shared/errors';
import { kickWorker } from '../domain/kick';
import { SOURCES } from '../domain/sources';
import { fileNameOf, runJob } from '../domain/worker';
import { viewOf } from '../domain/view';
import { stationUnit } from '../../duty/domain/scope';
import { unitOfNotice } from '../../notice/domain/unitOfNotice';

/** The most rows one workbook carries; narrow the filter for more. */
export const MAX_EXPORT_ROWS = 100_000;
/** What this call spends reading before it answers; the rest runs on in the worker. */
const START_BUDGET_MS = 5_000;

/**
 * Exports a staff table exactly as filtered. The job is stored, then this call reads what it can
 * within its budget: a small table comes back done, with its link; a big one answers with its
 * progress and runs on in chained worker runs ("已导出 3,200 / 12,000").
 */
export default defineAction({
  name: 'exportJob.start',
  roles: ['staff', 'admin'],
  mutates: true,
  // A station's roster or a notice's receipts: that station or notice must be in the caller's scope.
  async unitOf(input) {
    const station = input.kind === 'roster' || input.kind === 'receptions' ? input[input.kind] : undefined;
    if (station) return stationUnit(station);
    if (input.kind === 'receipts' && input.receipts) return unitOfNotice({ id: input.receipts.noticeId });
    return null;
  },
  async handler(input, ctx): Promise<ExportJobView> {
    const me = await ctx.user();
    const unitId = await ctx.scopeUnitId();
    const unit = await getUnit(unitId);
    const filter = (input[input.kind] ?? {}) as Record<string, unknown>;
    const job: ExportJob = {
      _id: ctx.newId('export'),
      kind: input.kind,
      filter,
      unitId,
      unitPath: unit.path,
      createdBy: me.openid ?? '',
      createdByName: me.name,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      status: 'running',
      total: 0,
      done: 0,
      parts: 0,
      leaseUntil: ctx.now,
      lease: '',
      runs: 0,
      fileName: '',
      fileId: null,
      error: null,
    };
    const source = SOURCES[input.kind];
    job.fileName = fileNameOf(input.kind, source.subject ? await source.subject(job) : unit.name, ctx.now);
    job.total = await source.count(job);
    if (job.total > MAX_EXPORT_ROWS) {
      throw invalid({ kind: `筛选出 ${job.total} 行，超过一次导出的上限 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围` });
    }
    await insertExportJob(job);
    ctx.audit(job._id, null, { kind: job.kind, filter, total: job.total });
    const run = await runJob(job._id, START_BUDGET_MS, true);
    if (run === 'more') await kickWorker();
    return viewOf((await getExportJob(job._id))!);
  },
});
