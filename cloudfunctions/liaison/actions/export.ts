import type { LiaisonRecord } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { chunkForStaff } from '../../shared/data/liaisonRecords';
import { getUnit } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook } from '../../shared/xlsx';
import { periodAsked } from '../domain/chosen';
import { staffFilter } from '../domain/filters';
import { quotaSheet, recordRows, RECORD_SHEET } from '../domain/workbook';
import { putFile } from '../../shared/cloud';

/** The most records one workbook carries; narrow the filter for more. */
const MAX_ROWS = 20000;

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
    const [rows, quota] = await Promise.all([recordRows(records), quotaSheet(unitId, period)]);
    const unit = await getUnit(unitId);

    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const bytes = workbook([{ ...RECORD_SHEET, rows }, quota]);
    const url = await putFile(`exports/liaison/${unitId}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return {
      fileName: `联系记录-${unit.name}-${stamp}.xlsx`,
      url,
      rows: rows.length,
      members: quota.rows.length,
    };
  },
});
