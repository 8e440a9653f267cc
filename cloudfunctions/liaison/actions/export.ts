import { LIAISON_CHANNEL_LABELS, occasionLabel, type LiaisonRecord, type User } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { chunkForStaff } from '../../shared/data/liaisonRecords';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { listUsersInSubtree } from '../../shared/data/users';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { periodAsked } from '../domain/chosen';
import { staffFilter } from '../domain/filters';
import { progressOfMembers } from '../domain/progress';
import { putFile } from '../../shared/cloud';

/** The most records one workbook carries; narrow the filter for more. */
const MAX_ROWS = 20000;

const RECORD_HEADER = [
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
];
const RECORD_WIDTHS = [18, 10, 14, 12, 22, 22, 18, 8, 18, 40, 16, 14, 10, 8];
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

/**
 * The filtered records and the quarter's quota table of the unit subtree as one workbook
 * (two sheets, Chinese headers, real dates), stored in cloud storage, answered as a link.
 */
export default defineAction({
  name: 'liaison.export',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unitId = await ctx.scopeUnitId();
    const filter = staffFilter(input);
    const { period } = periodAsked(input, ctx.now);

    const records: LiaisonRecord[] = [];
    for (let skip = 0; skip < MAX_ROWS; skip += 1000) {
      const chunk = await chunkForStaff(unitId, filter, skip, 1000);
      records.push(...chunk);
      if (chunk.length < 1000) break;
    }
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
      getSectorsByIds([...records.map((r) => r.sectorId ?? ''), ...members.map((m) => m.sectorId ?? '')]),
    ]);
    const sectorName = (id: string | null | undefined) => (id && sectors.get(id)?.name) || '';

    const recordRows: Cell[][] = records.map((r) => [
      { date: r.date, format: 'datetime' },
      r.memberName,
      sectorName(r.sectorId),
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
    const quotaRows: Cell[][] = members.map((m) => {
      const p = progressOf(m._id, quota);
      return [
        m.name,
        sectorName(m.sectorId),
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

    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const bytes = workbook([
      { name: '联系记录', header: RECORD_HEADER, rows: recordRows, widths: RECORD_WIDTHS },
      {
        name: `${period.year}年第${period.quarter}季度指标`,
        header: QUOTA_HEADER,
        rows: quotaRows,
        widths: QUOTA_WIDTHS,
      },
    ]);
    const url = await putFile(`exports/liaison/${unitId}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return {
      fileName: `联系记录-${unit.name}-${stamp}.xlsx`,
      url,
      rows: recordRows.length,
      members: quotaRows.length,
    };
  },
});
