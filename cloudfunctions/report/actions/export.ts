import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { docx } from '../../shared/docx';
import { getUnitsByIds } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { reportBlocks } from '../domain/document';
import { visibleReport } from '../domain/load';

/** The report as a Word document in the official layout, for its author or staff in scope. */
export default defineAction({
  name: 'report.export',
  roles: ['citizen'],
  mutates: false,
  target: visibleReport,
  async handler({ id }, ctx, { doc: r }) {
    const units = await getUnitsByIds([r.unitId]);
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(
      `exports/reports/${id}/${stamp}.docx`,
      docx(reportBlocks(r, units.get(r.unitId)?.name ?? '', ctx.now)),
    );
    return { fileName: `社情民意信息-${r.title.slice(0, 20)}-${stamp}.docx`, url };
  },
});
