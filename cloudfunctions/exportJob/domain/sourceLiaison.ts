import type { ActionParsed, ExportJob } from '@lxq/types';
import { chunkForStaff, pageForStaff, type StaffFilter } from '../../shared/data/liaisonRecords';
import { RECORD_AHEAD_MS, staffFilter } from '../../liaison/domain/filters';
import { periodAsked } from '../../liaison/domain/chosen';
import { quotaSheet, recordRows, RECORD_SHEET } from '../../liaison/domain/workbook';
import type { Source } from './sources';

/**
 * The records' filters as liaison.list reads them, bounded by the job's start so every run of the
 * job reads the same rows (see concerns). The bound is on the record's date, which may be up to
 * RECORD_AHEAD_MS after its saving (a phone's clock running fast): bounding at the job's start
 * itself left out a record the table listed, just saved and dated a minute ahead.
 */
function filterOf(job: ExportJob): StaffFilter {
  const f = staffFilter(job.filter as ActionParsed<'liaison.export'>);
  const started = new Date(new Date(job.createdAt).getTime() + RECORD_AHEAD_MS + 1);
  return { ...f, to: f.to && f.to < started ? f.to : started };
}

export const liaisonSource: Source = {
  sheet: RECORD_SHEET.name,
  // The same columns as liaison.export writes (liaison/domain/workbook.ts).
  header: RECORD_SHEET.header,
  widths: RECORD_SHEET.widths,
  async count(job) {
    return (await pageForStaff(job.unitId, filterOf(job), 1, 1)).total;
  },
  async rows(job, skip, limit) {
    const records = await chunkForStaff(job.unitId, filterOf(job), skip, limit);
    return recordRows(records);
  },
  async extraSheets(job) {
    const { period } = periodAsked(job.filter as ActionParsed<'liaison.export'>, new Date(job.createdAt));
    return [await quotaSheet(job.unitId, period)];
  },
};
