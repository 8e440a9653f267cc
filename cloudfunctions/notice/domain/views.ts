import type { Notice, NoticeListItem, NoticeRecipient, RecipientRow } from '@lxq/types';
import { NOTICE_PUSH_LABELS } from '@lxq/types';
import { iso } from '../../shared/time';

export function toListItem(n: Notice, readCount: number): NoticeListItem {
  return {
    _id: n._id,
    title: n.title,
    status: n.status,
    targetSummary: n.targetSummary,
    meeting: !!n.meeting,
    sendAt: iso(n.sendAt),
    createdAt: iso(n.createdAt),
    createdByName: n.createdByName,
    recipientCount: n.recipientCount,
    readCount,
  };
}

export function toRow(r: NoticeRecipient): RecipientRow {
  return {
    _id: r._id,
    name: r.name,
    sectorName: r.sectorName,
    delivered: !!r.deliveredAt,
    push: r.push,
    unreachable: r.push && r.push !== 'sent' ? NOTICE_PUSH_LABELS[r.push] : '',
    readAt: iso(r.readAt),
    reply: r.reply ? { attending: r.reply.attending, reason: r.reply.reason, at: iso(r.reply.at) } : null,
  };
}
