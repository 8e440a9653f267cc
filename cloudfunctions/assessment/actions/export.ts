import { putFile } from '../../shared/cloud';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { MEMBER_INDICATORS } from '../indicators';
import { linesOf } from '../domain/lines';
import { grouped, MAX_MEMBERS } from '../domain/members';
import { askedPeriod, periodLabel } from '../domain/period';
import { weightsFor } from '../domain/weights';

/**
 * The member list of a period as a workbook, grouped and sorted as on screen, every indicator a
 * column, the score with its rule: a frozen quarter's figures are the snapshot's; any other
 * period is marked 实时 (it still moves).
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
    const header = [
      by === 'sector' ? '界别' : '专委会',
      '界别内排名',
      '委员',
      '界别',
      '得分',
      ...MEMBER_INDICATORS.map((i) => `${i.label}（${i.unit}）`),
      '未达标',
      '计分规则',
    ];
    const rows: Cell[][] = grouped(lines, by).flatMap((g) =>
      g.members.map((m) => [
        g.name,
        `${m.sectorRank}/${m.sectorSize}`,
        m.name,
        m.sectorName,
        m.score,
        ...MEMBER_INDICATORS.map((i) => m.figures[i.key] ?? 0),
        m.shortfalls.join('；'),
        m.rule,
      ]),
    );
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const state = frozen
      ? `已冻结（${inChina(snapshot!.frozenAt).format('YYYY-MM-DD HH:mm')}）`
      : `实时${capped ? `（仅按姓名排序的前 ${MAX_MEMBERS} 名委员，冻结后可导出全部）` : ''}`;
    const bytes = workbook([
      {
        name: `${periodLabel(period)}委员考核`,
        header,
        rows: [...rows, [], [`${unit.name} · ${periodLabel(period)} · ${state}`]],
        widths: [16, 10, 10, 14, 8, ...MEMBER_INDICATORS.map(() => 10), 30, 60],
      },
    ]);
    const url = await putFile(`exports/assessment/${unit._id}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return { fileName: `委员考核-${unit.name}-${periodLabel(period)}-${stamp}.xlsx`, url, rows: rows.length, frozen };
  },
});
