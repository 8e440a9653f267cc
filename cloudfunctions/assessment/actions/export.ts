import { putFile } from '../../shared/cloud';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { lineCells, lineHeader, lineWidths } from '../domain/exportRows';
import { linesOf } from '../domain/lines';
import { grouped, MAX_MEMBERS } from '../domain/members';
import { askedPeriod, periodLabel } from '../domain/period';
import { weightsFor } from '../domain/weights';

/**
 * The member list of a period as a workbook, grouped and sorted as on screen, every indicator a
 * column, the score with its rule: a frozen quarter's figures are the snapshot's; any other
 * period is marked 实时 (it still moves). A frozen quarter of a province exports as a job
 * (exportJob kind 'assessment', sourceAssessment.ts), which reads it a chunk at a time.
 */
export default defineAction({
  name: 'assessment.export',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod(input, ctx.now);
    const { lines, snapshot, hasCommittees, capped } = await linesOf(
      unit,
      period,
      (await weightsFor(unit)).member,
      ctx.now,
      false,
    );
    const frozen = snapshot?.status === 'frozen';
    const by = input.groupBy === 'committee' && hasCommittees ? 'committee' : 'sector';
    const header = lineHeader(by);
    const rows: Cell[][] = grouped(lines, by).flatMap((g) => g.members.map((m) => lineCells(g.name, m)));
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const state = frozen
      ? `已冻结（${inChina(snapshot!.frozenAt).format('YYYY-MM-DD HH:mm')}）`
      : `实时${capped ? `（仅按姓名排序的前 ${MAX_MEMBERS} 名委员，冻结后可导出全部）` : ''}`;
    const bytes = workbook([
      {
        name: `${periodLabel(period)}委员考核`,
        header,
        rows: [...rows, [], [`${unit.name} · ${periodLabel(period)} · ${state}`]],
        widths: lineWidths(),
      },
    ]);
    const url = await putFile(`exports/assessment/${unit._id}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return { fileName: `委员考核-${unit.name}-${periodLabel(period)}-${stamp}.xlsx`, url, rows: rows.length, frozen };
  },
});
