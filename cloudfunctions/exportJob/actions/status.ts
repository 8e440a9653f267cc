import type { ExportJob } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getExportJob } from '../../shared/data/exportJobs';
import { notFound } from '../../shared/errors';
import { target } from '../../shared/target';
import { viewOf } from '../domain/view';

/** An export's progress, and its link once done: for the person who started it. */
export default defineAction({
  name: 'exportJob.status',
  roles: ['staff', 'admin'],
  mutates: false,
  target: target({
    load: async ({ id }: { id: string }): Promise<ExportJob> => {
      const job = await getExportJob(id);
      if (!job) throw notFound('没有找到这个导出任务');
      return job;
    },
    may: { submitter: (job: ExportJob) => ({ openid: job.createdBy }) },
    hidden: '没有找到这个导出任务',
  }),
  async handler(_input, _ctx, target) {
    return viewOf(target.doc);
  },
});
