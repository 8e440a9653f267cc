import { ASSIGNEE_KIND_LABELS, CONCERN_STATUS_LABELS, concernNo, type ActionParsed, type ExportJob } from '@lxq/types';
import { isOverdue } from '../../shared/concerns/deadlines';
import { pageForStaff, type StaffFilters } from '../../shared/data/concerns';
import { dayStartInChina } from '../../concern/domain/dates';
import type { Source } from './sources';

type Asked = ActionParsed<'concern.exportQueue'>;

/**
 * The queue's filters as concern.listForStaff reads them, bounded by the job's start: concerns
 * submitted while the export runs would shift the pages under it (newest first).
 */
function filterOf(job: ExportJob): StaffFilters {
  const { from, to, ...rest } = job.filter as Asked;
  const until = to ? dayStartInChina(to, 1) : undefined;
  const started = new Date(new Date(job.createdAt).getTime() + 1);
  return {
    ...rest,
    from: from ? dayStartInChina(from) : undefined,
    to: until && until < started ? until : started,
  };
}

export const concernsSource: Source = {
  sheet: '群众诉求',
  header: ['编号', '标题', '类别', '界别', '工作站', '承办', '状态', '期限', '是否超期', '提交时间', '提交人'],
  widths: [10, 30, 12, 14, 26, 20, 10, 18, 10, 18, 12],
  async count(job) {
    return (await pageForStaff(job.unitId, filterOf(job), new Date(job.createdAt), 1, 1, true)).total;
  },
  async rows(job, skip, limit) {
    const now = new Date(job.createdAt);
    // Pages of `limit` rows: skip is always a multiple of it.
    const { items } = await pageForStaff(job.unitId, filterOf(job), now, skip / limit + 1, limit, false);
    // Submitters stay masked as on screen: no phone number leaves in a file.
    return items.map((c) => [
      concernNo(c._id),
      c.title,
      c.category,
      c.sectorName ?? '',
      c.workstationName ?? '',
      c.assignee ? `${ASSIGNEE_KIND_LABELS[c.assignee.kind]}·${c.assignee.name}` : '',
      CONCERN_STATUS_LABELS[c.status],
      c.dueAt ? { date: new Date(c.dueAt), format: 'datetime' } : '',
      isOverdue(c.dueAt, now) ? '超期' : '',
      { date: new Date(c.createdAt), format: 'datetime' },
      c.anonymous ? '匿名群众' : '群众',
    ]);
  },
};
