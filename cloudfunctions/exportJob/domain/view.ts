import type { ExportJob, ExportJobView } from '@lxq/types';
import { tempFileUrls } from '../../shared/cloud';

export async function viewOf(job: ExportJob): Promise<ExportJobView> {
  const url = job.status === 'done' && job.fileId ? ((await tempFileUrls([job.fileId])).get(job.fileId) ?? null) : null;
  return {
    _id: job._id,
    kind: job.kind,
    status: job.status,
    total: job.total,
    done: job.done,
    fileName: job.fileName,
    url,
    error: job.error,
  };
}
