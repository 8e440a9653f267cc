/**
 * The liaison workbook's two sheets, written the same way by liaison.export (one call) and by the
 * export job (records in chunks): the records, and each member of the subtree against the
 * quarter's quota. Members are a few thousand at most, so the quota sheet is made in one go.
 */
import { LIAISON_CHANNEL_LABELS, occasionLabel, type LiaisonPeriod, type LiaisonRecord, type User } from '@lxq/types';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { listUsersInSubtree } from '../../shared/data/users';
import type { Cell, Sheet } from '../../shared/xlsx';
import { progressOfMembers } from './progress';

export const RECORD_SHEET = {
  name: '联系记录',
  header: [
    '日期',
    '委员',
    '界别',
    '联系渠道',
    '八必访时机',
    '地点/单位',
    '联系人群',
    '人次',
    '开展的服务',
    '情况摘要',
    '联系人',
    '结对对象',
    '转办诉求数',
    '照片数',
  ],
  widths: [18, 10, 14, 12, 22, 22, 18, 8, 18, 40, 16, 14, 10, 8],
};

/** Records as rows of the first sheet, their sectors named. */
export async function recordRows(records: LiaisonRecord[]): Promise<Cell[][]> {
  const sectors = await getSectorsByIds(records.map((r) => r.sectorId ?? ''));
  return records.map((r) => [
    { date: new Date(r.date), format: 'datetime' },
    r.memberName,
    (r.sectorId && sectors.get(r.sectorId)?.name) || '',
    LIAISON_CHANNEL_LABELS[r.channel],
    r.occasion ? occasionLabel(r.occasion) : '',
    r.place,
    r.groups.join('、'),
    r.personTimes,
    r.services.join('、'),
    r.summary,
    r.contactNames.join('、'),
    r.pairingName,
    r.concernIds.length,
    r.photos.length,
  ]);
}

const QUOTA_HEADER = [
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
const QUOTA_WIDTHS = [10, 14, 14, 12, 12, 12, 10, 12, 10, 40];

/** Every member of the subtree against the quarter's quota. */
export async function quotaSheet(unitId: string, period: LiaisonPeriod): Promise<Sheet> {
  const members: User[] = [];
  for (let skip = 0; ; skip += 1000) {
    const chunk = await listUsersInSubtree(unitId, { roles: 'member' }, skip, 1000);
    members.push(...chunk);
    if (chunk.length < 1000) break;
  }
  const unit = await getUnit(unitId);
  const [{ quota }, progressOf, sectors] = await Promise.all([
    quotaFor(unit.path),
    progressOfMembers({ unitId }, period),
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
  return { name: `${period.year}年第${period.quarter}季度指标`, header: QUOTA_HEADER, rows, widths: QUOTA_WIDTHS };
}
