/**
 * The liaison export's second sheet, as liaison.export writes it: each member of the subtree
 * against the quarter's quota (the quarter the filter names, else the job's). Members are a few
 * thousand at most, so the sheet is made when the workbook is joined.
 */
import type { ActionParsed, ExportJob, User } from '@lxq/types';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { listUsersInSubtree } from '../../shared/data/users';
import type { Sheet } from '../../shared/xlsx';
import { periodAsked } from '../../liaison/domain/chosen';
import { progressOfMembers } from '../../liaison/domain/progress';

const HEADER = [
  '委员',
  '界别',
  '本季度活动次数',
  '本季度人次',
  '全年累计活动',
  '全年累计人次',
  '季度指标',
  '全年人次指标',
  '是否达标',
  '差距',
];
const WIDTHS = [10, 14, 14, 12, 12, 12, 10, 12, 10, 40];

export async function quotaSheet(job: ExportJob): Promise<Sheet> {
  const { period } = periodAsked(job.filter as ActionParsed<'liaison.export'>, new Date(job.createdAt));
  const members: User[] = [];
  for (let skip = 0; ; skip += 1000) {
    const chunk = await listUsersInSubtree(job.unitId, { roles: 'member' }, skip, 1000);
    members.push(...chunk);
    if (chunk.length < 1000) break;
  }
  const unit = await getUnit(job.unitId);
  const [{ quota }, progressOf, sectors] = await Promise.all([
    quotaFor(unit.path),
    progressOfMembers({ unitId: job.unitId }, period),
    getSectorsByIds(members.map((m) => m.sectorId ?? '')),
  ]);
  const rows = members.map((m) => {
    const p = progressOf(m._id, quota);
    return [
      m.name,
      (m.sectorId && sectors.get(m.sectorId)?.name) || '',
      p.quarterActivities,
      p.quarterPersonTimes,
      p.yearActivities,
      p.yearPersonTimes,
      quota.activitiesPerQuarter,
      quota.personTimesPerYear,
      p.shortfalls.length ? '未达标' : '达标',
      p.shortfalls.join('；'),
    ];
  });
  return { name: `${period.year}年第${period.quarter}季度指标`, header: HEADER, rows, widths: WIDTHS };
}
