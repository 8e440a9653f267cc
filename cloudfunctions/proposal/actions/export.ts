import { PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS, RATING_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { pageProposals } from '../../shared/data/proposals';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';

const HEADER = [
  '届次会议',
  '案由',
  '类型',
  '提案人',
  '界别',
  '联名人数',
  '状态',
  '重点提案',
  '承办单位',
  '办理期限',
  '评价',
  '提交时间',
];
const WIDTHS = [18, 40, 12, 12, 16, 10, 10, 10, 30, 12, 10, 18];

/** The staff table as an Excel workbook, with the same filters, linked for an hour. */
export default defineAction({
  name: 'proposal.export',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ sessionId, status }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const where = { ...(sessionId ? { sessionId } : {}), ...(status ? { status } : {}) };
    const rows: Cell[][] = [];
    for (let page = 1; page <= 100; page++) {
      const { items } = await pageProposals(unitId, where, undefined, page, 50);
      for (const p of items) {
        rows.push([
          p.sessionName,
          p.title,
          PROPOSAL_KIND_LABELS[p.kind],
          p.proposerName,
          p.sectorName ?? '',
          p.cosigners.filter((c) => c.status === 'confirmed').length,
          PROPOSAL_STATUS_LABELS[p.status],
          p.key ? '是' : '',
          p.assignments.map((a) => `${a.name}（${a.role === 'lead' ? '主办' : '协办'}）`).join('、'),
          p.dueOn ?? '',
          p.ratings.length ? RATING_LABELS[p.ratings.at(-1)!.rating] : '',
          p.submittedAt ? { date: p.submittedAt, format: 'datetime' } : '',
        ]);
      }
      if (items.length < 50) break;
    }
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(
      `exports/proposals/${unitId}/${stamp}.xlsx`,
      workbook([{ name: '提案', header: HEADER, rows, widths: WIDTHS }]),
    );
    return { fileName: `提案一览-${stamp}.xlsx`, url, rows: rows.length };
  },
});
