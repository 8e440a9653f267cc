import { defineAction } from '../../shared/action';
import { insertAudit } from '../../shared/data/audit';
import { markManyRead } from '../../shared/data/inbox';
import { findMineWithNotice, markRead } from '../../shared/data/noticeRecipients';
import { isDuplicateKey, notFound } from '../../shared/errors';
import { inChina, iso } from '../../shared/time';
import { inboxId } from '../domain/delivery/message';
import { tempFileUrls } from '../../shared/cloud';

/**
 * A notice as its recipient reads it. Only someone it was addressed to sees it; the first open
 * records when they read it (the follow-up's "read"), clears it and its reminders from the unread
 * badge and writes one audit entry; later opens write nothing. 4 database round trips at most:
 * the notice with the caller's record (one aggregate), then on the first open the record, the
 * inbox items and the audit entry.
 */
export default defineAction({
  name: 'notice.get',
  roles: ['citizen'],
  mutates: false,
  async handler({ id }, ctx) {
    const found = await findMineWithNotice(id, ctx.openid);
    if (!found) throw notFound('这条通知不存在或不是发给您的');
    const { notice, mine } = found;
    let readAt = mine.readAt;
    if (!readAt) {
      readAt = ctx.now;
      const rounds = Array.from({ length: notice.remindCount + 1 }, (_, r) => inboxId(id, r, ctx.openid));
      const [first] = await Promise.all([markRead(mine._id, ctx.now), markManyRead(ctx.openid, rounds, ctx.now)]);
      // Two opens at the same moment: only the one whose write took records the read.
      if (first) await auditFirstRead(mine._id, mine.userId, ctx.openid, id, ctx.now);
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
      attachments: notice.attachments.map((a) => ({
        name: a.name,
        kind: a.kind,
        size: a.size ?? 0,
        url: urls.get(a.fileId) ?? '',
      })),
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

/** The audit entry of a first read: one per recipient (its id says which), like a mutation's. */
async function auditFirstRead(recipientId: string, userId: string, openid: string, noticeId: string, at: Date) {
  try {
    await insertAudit({
      _id: `notice-read:${recipientId}`,
      actor: openid,
      actorUserId: userId,
      action: 'notice.get',
      target: `notices/${noticeId}/read/${openid}`,
      before: { readAt: null },
      after: { readAt: at },
      at,
      result: { ok: true, data: { readAt: iso(at) } },
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}
