import { ORG_LEVEL_LABELS, REPORT_STATUS_LABELS, type OrgLevel, type ReportFigureRow } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { chunkForStaff } from '../../shared/data/reports';
import { getUnitsByIds } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { loadFigures } from '../domain/loadFigures';
import { adoptedLabel } from '../domain/view';

const HEADER = ['标题', '状态', '作者', '所在单位', '当前办理单位', '采用情况', '批示', '报送时间', '最后更新'];
const WIDTHS = [36, 10, 12, 18, 18, 28, 8, 18, 18];
const FIGURE_HEADER = ['名称', '报送', '采用', '获批示'];
const LEVELS: OrgLevel[] = ['county', 'city', 'province', 'national'];

/** The desk's table (same filters) as Excel, with the year's figures per member, sector and unit beside it. */
export default defineAction({
  name: 'report.exportList',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(filter, ctx) {
    const unitId = await ctx.scopeUnitId();
    const rows: Cell[][] = [];
    for (let skip = 0; ; skip += 1000) {
      const chunk = await chunkForStaff(unitId, filter, skip, 1000);
      const units = await getUnitsByIds(chunk.flatMap((r) => [r.unitId, r.atUnitId]));
      for (const r of chunk) {
        rows.push([
          r.title,
          REPORT_STATUS_LABELS[r.status],
          r.authorName,
          units.get(r.unitId)?.name ?? '',
          units.get(r.atUnitId)?.name ?? '',
          adoptedLabel(r),
          r.instructions.length ? '有' : '',
          r.submittedAt ? { date: r.submittedAt, format: 'datetime' } : '',
          { date: r.updatedAt, format: 'datetime' },
        ]);
      }
      if (chunk.length < 1000) break;
    }
    const year = filter.year ?? inChina(ctx.now).year();
    const f = await loadFigures(unitId, year);
    const table = (xs: ReportFigureRow[]): Cell[][] => xs.map((x) => [x.name, x.submitted, x.adopted, x.instructed]);
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(
      `exports/reports/list-${unitId}-${stamp}.xlsx`,
      workbook([
        { name: '社情民意信息', header: HEADER, rows, widths: WIDTHS },
        {
          name: `${year}年统计`,
          header: ['项目', '篇数'],
          rows: [
            ['报送', f.submitted],
            ['采用', f.adopted],
            ...LEVELS.map((l): Cell[] => [`${ORG_LEVEL_LABELS[l]}采用`, f.adoptedByLevel[l]]),
            ['获领导批示', f.instructed],
          ],
          widths: [16, 10],
        },
        { name: '按委员', header: FIGURE_HEADER, rows: table(f.byMember), widths: [16, 8, 8, 8] },
        { name: '按界别', header: FIGURE_HEADER, rows: table(f.bySector), widths: [20, 8, 8, 8] },
        { name: '按单位', header: FIGURE_HEADER, rows: table(f.byUnit), widths: [24, 8, 8, 8] },
      ]),
    );
    return { fileName: `社情民意信息-${stamp}.xlsx`, url, rows: rows.length };
  },
});
