import { CONCERN_STATUS_LABELS, concernNo } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { findPerson, subjectLabel } from '../domain/subject';

/**
 * The person's data in full, as a workbook staff hand to them (their right to a copy): every
 * concern with its phone, place and photos count, every reception with name and phone. A mutation,
 * so that each export of someone's data is in the audit log.
 */
export default defineAction({
  name: 'concern.subjectExport',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler(who, ctx) {
    const unitId = await ctx.scopeUnitId();
    const { concerns, receptions } = await findPerson(unitId, who);
    const when = (d: Date) => ({ date: new Date(d), format: 'datetime' as const });
    const concernRows: Cell[][] = concerns.map((c) => [
      concernNo(c._id),
      c.title,
      c.text,
      c.category,
      CONCERN_STATUS_LABELS[c.status],
      c.workstationName ?? '',
      c.phone ?? '',
      c.address ?? (c.location ? `${c.location.lat}, ${c.location.lng}` : ''),
      (c.photos?.length ?? 0) + (c.reply?.photos.length ?? 0),
      when(c.createdAt),
      c.deidentifiedAt ? '已去除个人信息' : '',
    ]);
    const receptionRows: Cell[][] = receptions.map((r) => [
      r.date,
      r.workstationName,
      r.topic,
      r.visitorName ?? '',
      r.visitorPhone ?? '',
      when(r.createdAt),
    ]);
    const bytes = workbook([
      {
        name: '诉求',
        header: ['编号', '标题', '内容', '类别', '状态', '工作站', '手机号', '地点', '照片数', '提交时间', '备注'],
        rows: concernRows,
        widths: [10, 24, 40, 10, 10, 22, 14, 26, 8, 18, 14],
      },
      {
        name: '值班接待',
        header: ['日期', '工作站', '事由', '姓名', '手机号', '登记时间'],
        rows: receptionRows,
        widths: [12, 22, 30, 10, 14, 18],
      },
    ]);
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(`exports/subjects/${unitId}/${stamp}-${ctx.newId().slice(0, 8)}.xlsx`, bytes);
    const rows = concernRows.length + receptionRows.length;
    ctx.audit(`subjects/${subjectLabel(who)}`, null, {
      exported: { concerns: concerns.map((c) => c._id), receptions: receptions.map((r) => r._id) },
    });
    return { fileName: `个人信息-${stamp}.xlsx`, url, rows };
  },
});
