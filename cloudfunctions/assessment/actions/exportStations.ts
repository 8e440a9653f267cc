import { putFile } from '../../shared/cloud';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { periodOf } from '../../liaison/domain/period';
import { STATION_INDICATORS } from '../indicators';
import { askedPeriod, periodLabel } from '../domain/period';
import { rankStations } from '../domain/stations';
import { weightsFor } from '../domain/weights';

/** The workstations of the subtree ranked for a period (default the year so far), every indicator a column. */
export default defineAction({
  name: 'assessment.exportStations',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod({ year: input.year ?? periodOf(ctx.now).year, quarter: input.quarter ?? null }, ctx.now);
    const items = await rankStations(unit, period, (await weightsFor(unit)).station, ctx.now);
    const rows: Cell[][] = items.map((s) => [
      s.rank,
      s.name,
      s.score,
      ...STATION_INDICATORS.map((i) => s.figures[i.key] ?? 0),
      s.rule,
    ]);
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const bytes = workbook([
      {
        name: `${periodLabel(period)}工作站考核`,
        header: ['名次', '工作站', '得分', ...STATION_INDICATORS.map((i) => `${i.label}（${i.unit}）`), '计分规则'],
        rows: [
          ...rows,
          [],
          [`${unit.name} · ${periodLabel(period)} · 导出于 ${inChina(ctx.now).format('YYYY-MM-DD HH:mm')}`],
        ],
        widths: [8, 24, 8, ...STATION_INDICATORS.map(() => 10), 60],
      },
    ]);
    const url = await putFile(
      `exports/assessment/${unit._id}/stations-${stamp}-${ctx.newId().slice(0, 6)}.xlsx`,
      bytes,
    );
    return { fileName: `工作站考核-${unit.name}-${periodLabel(period)}-${stamp}.xlsx`, url, rows: rows.length };
  },
});
