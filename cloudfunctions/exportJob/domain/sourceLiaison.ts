import { LIAISON_CHANNEL_LABELS, occasionLabel, type ActionParsed, type ExportJob } from '@lxq/types';
import { chunkForStaff, pageForStaff, type StaffFilter } from '../../shared/data/liaisonRecords';
import { getSectorsByIds } from '../../shared/data/sectors';
import { staffFilter } from '../../liaison/domain/filters';
import { quotaSheet } from './liaisonQuotaSheet';
import type { Source } from './sources';

/** The records' filters as liaison.list reads them, bounded by the job's start (see concerns). */
function filterOf(job: ExportJob): StaffFilter {
  const f = staffFilter(job.filter as ActionParsed<'liaison.export'>);
  const started = new Date(new Date(job.createdAt).getTime() + 1);
  return { ...f, to: f.to && f.to < started ? f.to : started };
}

export const liaisonSource: Source = {
  sheet: '联系记录',
  // The same columns as liaison.export writes.
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
  async count(job) {
    return (await pageForStaff(job.unitId, filterOf(job), 1, 1)).total;
  },
  async rows(job, skip, limit) {
    const records = await chunkForStaff(job.unitId, filterOf(job), skip, limit);
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
  },
  async extraSheets(job) {
    return [await quotaSheet(job)];
  },
};
