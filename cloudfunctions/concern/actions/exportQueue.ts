import { ASSIGNEE_KIND_LABELS, CONCERN_STATUS_LABELS, concernNo, type Concern } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { isOverdue } from '../../shared/concerns/deadlines';
import { pageForStaff } from '../../shared/data/concerns';
import { getUnit } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { dayStartInChina } from '../domain/dates';

/** The most concerns one workbook carries; narrow the filter for more. */
const MAX_ROWS = 20000;
const CHUNK = 500;

const HEADER = ['编号', '标题', '类别', '界别', '工作站', '承办', '状态', '期限', '是否超期', '提交时间', '提交人'];
const WIDTHS = [10, 30, 12, 14, 26, 20, 10, 18, 10, 18, 12];

/**
 * The staff queue as a workbook: the same filters as concern.listForStaff, read page by page in
 * the list's own order, so the file holds exactly what the table shows, every page of it.
 * Submitters stay masked as on screen: no phone number leaves in a file.
 */
export default defineAction({
  name: 'concern.exportQueue',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ from, to, ...filters }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const f = {
      ...filters,
      from: from ? dayStartInChina(from) : undefined,
      to: to ? dayStartInChina(to, 1) : undefined,
    };
    const rows: Concern[] = [];
    for (let page = 1; rows.length < MAX_ROWS; page += 1) {
      const { items } = await pageForStaff(unitId, f, ctx.now, page, CHUNK, false);
      rows.push(...items);
      if (items.length < CHUNK) break;
    }
    const unit = await getUnit(unitId);
    const cells: Cell[][] = rows.map((c) => [
      concernNo(c._id),
      c.title,
      c.category,
      c.sectorName ?? '',
      c.workstationName ?? '',
      c.assignee ? `${ASSIGNEE_KIND_LABELS[c.assignee.kind]}·${c.assignee.name}` : '',
      CONCERN_STATUS_LABELS[c.status],
      c.dueAt ? { date: new Date(c.dueAt), format: 'datetime' } : '',
      isOverdue(c.dueAt, ctx.now) ? '超期' : '',
      { date: new Date(c.createdAt), format: 'datetime' },
      c.anonymous ? '匿名群众' : '群众',
    ]);
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const bytes = workbook([{ name: '群众诉求', header: HEADER, rows: cells, widths: WIDTHS }]);
    const url = await putFile(`exports/concerns/${unitId}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return { fileName: `群众诉求-${unit.name}-${stamp}.xlsx`, url, rows: cells.length };
  },
});
