import { NOTICE_PUSH_LABELS, type ActionParsed, type ExportJob } from '@lxq/types';
import { countRecipients, listAll } from '../../shared/data/noticeRecipients';
import { getNotice } from '../../shared/data/notices';
import type { Cell } from '../../shared/xlsx';
import type { Source } from './sources';

type Asked = NonNullable<ActionParsed<'exportJob.start'>['receipts']>;
const noticeOf = (job: ExportJob) => (job.filter as Asked).noticeId;
const tabOf = (job: ExportJob) => (job.filter as Asked).filter;
const time = (d: Date | null | undefined): Cell => (d ? { date: new Date(d), format: 'datetime' } : '');

/** 通知回执: a notice's follow-up table in the tab shown (全部, 未读, 不参加…), a row per recipient by name. */
export const receiptsSource: Source = {
  sheet: '回执',
  header: ['姓名', '界别', '站内送达', '推送', '未能推送原因', '阅读时间', '参会回执', '不参会原因', '回执时间'],
  widths: [12, 16, 10, 10, 22, 18, 10, 24, 18],
  async subject(job) {
    return (await getNotice(noticeOf(job))).title.slice(0, 20);
  },
  async count(job) {
    return countRecipients(noticeOf(job), tabOf(job));
  },
  async rows(job, skip, limit) {
    return (await listAll(noticeOf(job), tabOf(job), skip, limit)).map((r) => [
      r.name,
      r.sectorName,
      r.deliveredAt ? '已送达' : '未送达',
      r.push === 'sent' ? '已推送' : '未推送',
      r.push && r.push !== 'sent' ? NOTICE_PUSH_LABELS[r.push] : '',
      time(r.readAt),
      r.reply ? (r.reply.attending ? '参加' : '不参加') : '',
      r.reply?.reason ?? '',
      time(r.reply?.at),
    ]);
  },
};
