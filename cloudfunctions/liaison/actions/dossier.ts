import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { namesAndAnswered, recordsOfYear, shiftsOfYear } from '../../shared/data/dossier';
import { docx } from '../../shared/docx';
import { invalid } from '../../shared/errors';
import { inChina } from '../../shared/time';
import { dossierBlocks, dossierFigures } from '../domain/dossier';
import { yearSpan } from '../domain/period';

/**
 * 履职档案: everything the member did in a year (duty, receptions, liaison, concerns answered) as a
 * Word document for the annual 述职, stored and answered as a link with its figures. 4 round
 * trips: the caller, the records, the shifts with their receptions, and the names with the
 * answered concerns.
 */
export default defineAction({
  name: 'liaison.dossier',
  roles: ['member'],
  mutates: false,
  async handler(input, ctx) {
    const user = await ctx.user();
    const thisYear = inChina(ctx.now).year();
    const year = input.year ?? thisYear;
    if (year > thisYear) throw invalid({ year: '该年度尚未开始' });
    const { start, end } = yearSpan(year);
    const [records, shifts, named] = await Promise.all([
      recordsOfYear(user._id, start, end),
      shiftsOfYear(user._id, start, end),
      namesAndAnswered(user, start, end),
    ]);
    const parts = { records, shifts, answered: named.answered };
    const bytes = docx(
      dossierBlocks({
        year,
        name: user.name,
        unitName: named.unitName,
        sectorName: named.sectorName,
        now: ctx.now,
        ...parts,
      }),
    );
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(`exports/dossier/${user._id}/${year}-${stamp}.docx`, bytes);
    return { year, fileName: `${year}年度履职档案-${user.name}.docx`, url, figures: dossierFigures(parts) };
  },
});
