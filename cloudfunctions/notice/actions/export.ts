import { NOTICE_PUSH_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getNotice } from '../../shared/data/notices';
import { listAll } from '../../shared/data/noticeRecipients';
import { inChina } from '../../shared/time';
import { putFile } from '../../shared/cloud';
import { workbook, type Cell } from '../../shared/xlsx';
import { unitOfNotice } from '../domain/unitOfNotice';

const HEADER = ['姓名', '界别', '站内送达', '推送', '未能推送原因', '阅读时间', '参会回执', '不参会原因', '回执时间'];
const WIDTHS = [12, 16, 10, 10, 22, 18, 10, 24, 18];

/** The follow-up table as an Excel workbook in cloud storage, with a link valid for an hour. */
export default defineAction({
  name: 'notice.export',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: unitOfNotice,
  async handler({ id }, ctx) {
    const notice = await getNotice(id);
    const rows: Cell[][] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await listAll(id, skip, 1000);
      for (const r of page) {
        rows.push([
          r.name,
          r.sectorName,
          r.deliveredAt ? '已送达' : '未送达',
          r.push === 'sent' ? '已推送' : '未推送',
          r.push && r.push !== 'sent' ? NOTICE_PUSH_LABELS[r.push] : '',
          time(r.readAt),
          r.reply ? (r.reply.attending ? '参加' : '不参加') : '',
          r.reply?.reason ?? '',
          time(r.reply?.at ?? null),
        ]);
      }
      if (page.length < 1000) break;
    }
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const fileName = `通知回执-${notice.title.slice(0, 20)}-${stamp}.xlsx`;
    const url = await putFile(
      `exports/notices/${id}/${stamp}.xlsx`,
      workbook([{ name: '回执', header: HEADER, rows, widths: WIDTHS }]),
    );
    return { fileName, url, rows: rows.length };
  },
});

const time = (d: Date | null) => (d ? inChina(d).format('YYYY-MM-DD HH:mm') : '');
