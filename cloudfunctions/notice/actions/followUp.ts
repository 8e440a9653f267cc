import { defineAction } from '../../shared/action';
import { getNotice } from '../../shared/data/notices';
import { countFollowUp, pageRecipients, withProgress } from '../../shared/data/noticeRecipients';
import { iso } from '../../shared/time';
import { toListItem, toRow } from '../domain/views';
import { unitOfNotice } from '../domain/unitOfNotice';

/** Who got it, who could not be pushed to and why, who read it and when, who will come. */
export default defineAction({
  name: 'notice.followUp',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: unitOfNotice,
  async handler({ id, filter, page, pageSize }, ctx) {
    const [notice, counted, { items, total }] = await Promise.all([
      getNotice(id),
      countFollowUp(id),
      pageRecipients(id, filter, page, pageSize),
    ]);
    const counts = withProgress(counted, notice);
    const m = notice.meeting;
    return {
      notice: {
        ...toListItem(notice, counts.read),
        meeting: m ? { at: iso(m.at), place: m.place, replyBy: iso(m.replyBy) } : null,
        sentAt: iso(notice.sentAt),
        body: notice.body,
        attachments: notice.attachments.map((a) => ({ name: a.name, kind: a.kind, size: a.size ?? 0 })),
        cancelledAt: iso(notice.cancelledAt ?? null),
        cancelledByName: notice.cancelledByName ?? '',
      },
      counts,
      items: items.map(toRow),
      total,
      page,
      pageSize,
      remindAfter: notice.remindAfter > ctx.now ? iso(notice.remindAfter) : '',
    };
  },
});
