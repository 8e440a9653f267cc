import { LEAVE_STATUS_LABELS, WORKSTATION_KIND_LABELS, type ExportJob } from '@lxq/types';
import { pageLeavesInUnit } from '../../shared/data/leaves';
import { pageWorkstations } from '../../shared/data/workstations';
import type { Source } from './sources';

const leaveScope = (job: ExportJob) => {
  const { status, q } = job.filter as { status?: string; q?: string };
  return { status: status === 'all' ? ('all' as const) : ('pending' as const), q };
};

/** 请假与调班, as duty.listLeaves filters them (pending, or all), newest first. */
export const leavesSource: Source = {
  sheet: '请假与调班',
  header: ['申请人', '类型', '调班对象', '工作站', '班次开始', '班次结束', '原因', '状态', '审批意见', '申请时间'],
  widths: [10, 8, 10, 26, 18, 18, 30, 10, 24, 18],
  async count(job) {
    return (await pageLeavesInUnit(job.unitId, leaveScope(job), 1, 1)).total;
  },
  async rows(job, skip, limit) {
    const { items } = await pageLeavesInUnit(job.unitId, leaveScope(job), skip / limit + 1, limit);
    return items.map((l) => [
      l.requesterName,
      l.kind === 'swap' ? '调班' : '请假',
      l.partnerName ?? '',
      l.workstationName,
      { date: new Date(l.shiftStart), format: 'datetime' },
      { date: new Date(l.shiftEnd), format: 'datetime' },
      l.reason,
      LEAVE_STATUS_LABELS[l.status],
      l.decisionNote ?? '',
      { date: new Date(l.createdAt), format: 'datetime' },
    ]);
  },
};

const stationWords = (job: ExportJob) => ({ q: (job.filter as { q?: string }).q });

/** The subtree's workstations, by name, as the station table lists them (and searched them). */
export const workstationsSource: Source = {
  sheet: '工作站',
  header: ['名称', '类型', '地址', '开放时间', '负责人', '驻站委员数', '纬度', '经度'],
  widths: [28, 12, 36, 20, 10, 10, 10, 10],
  async count(job) {
    return (await pageWorkstations(job.unitId, 1, 1, stationWords(job))).total;
  },
  async rows(job, skip, limit) {
    const { items } = await pageWorkstations(job.unitId, skip / limit + 1, limit, stationWords(job));
    return items.map((w) => [
      w.name,
      WORKSTATION_KIND_LABELS[w.kind],
      w.address,
      w.openingHours,
      w.headName,
      w.memberIds.length,
      w.location?.lat ?? '',
      w.location?.lng ?? '',
    ]);
  },
};
