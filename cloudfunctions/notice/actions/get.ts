import { defineAction } from '../../shared/action';
import { markManyRead } from '../../shared/data/inbox';
import { getNotice } from '../../shared/data/notices';
import { findMine, markRead } from '../../shared/data/noticeRecipients';
import { notFound } from '../../shared/errors';
import { inChina, iso } from '../../shared/time';
import { inboxId } from '../delivery/message';
import { tempFileUrls } from '../../shared/cloud';

/**
 * A notice as its recipient reads it. Only someone it was addressed to sees it; the first open
 * records when they read it (the follow-up's "read") and clears it and its reminders from the
 * unread badge. 4 database round trips at most.
 */
export default defineAction({
  name: 'notice.get',
  roles: ['citizen'],
  mutates: false,
  async handler({ id }, ctx) {
    const [notice, mine] = await Promise.all([getNotice(id).catch(() => null), findMine(id, ctx.openid)]);
    if (!notice || !mine) throw notFound('这条通知不存在或不是发给您的');
    let readAt = mine.readAt;
    if (!readAt) {
      readAt = ctx.now;
      const rounds = Array.from({ length: notice.remindCount + 1 }, (_, r) => inboxId(id, r, ctx.openid));
      await Promise.all([markRead(mine._id, ctx.now), markManyRead(ctx.openid, rounds, ctx.now)]);
    }
    const urls = await tempFileUrls(notice.attachments.map((a) => a.fileId));
    const m = notice.meeting;
    return {
      _id: notice._id,
      title: notice.title,
      body: notice.body,
      unitName: notice.unitName,
      createdByName: notice.createdByName,
      sentAt: iso(notice.sentAt ?? notice.sendAt),
      attachments: notice.attachments.map((a) => ({ name: a.name, kind: a.kind, url: urls.get(a.fileId) ?? '' })),
      meeting: m
        ? {
            at: iso(m.at),
            place: m.place,
            replyBy: iso(m.replyBy),
            open: ctx.now.getTime() <= inChina(m.replyBy).endOf('day').valueOf(),
          }
        : null,
      reply: mine.reply ? { ...mine.reply, at: iso(mine.reply.at) } : null,
      readAt: iso(readAt),
    };
  },
});
