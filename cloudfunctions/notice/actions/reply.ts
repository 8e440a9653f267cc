import { defineAction } from '../../shared/action';
import { getNotice } from '../../shared/data/notices';
import { setMyReply } from '../../shared/data/noticeRecipients';
import { invalidState, notFound } from '../../shared/errors';
import { inChina, iso } from '../../shared/time';

/** A recipient says whether they will come to the meeting (and why not), until the reply-by day ends. */
export default defineAction({
  name: 'notice.reply',
  roles: ['citizen'],
  mutates: true,
  async handler({ id, attending, reason }, ctx) {
    const notice = await getNotice(id).catch(() => null);
    if (!notice) throw notFound('这条通知不存在或不是发给您的');
    if (!notice.meeting) throw invalidState('这条通知不是会议通知，无需回执');
    const closes = inChina(notice.meeting.replyBy).endOf('day');
    if (ctx.now.getTime() > closes.valueOf()) throw invalidState(`回执已于 ${closes.format('M月D日')} 截止`);
    const reply = { attending, reason: attending ? '' : (reason ?? ''), at: ctx.now };
    if (!(await setMyReply(id, ctx.openid, reply))) throw notFound('这条通知不存在或不是发给您的');
    ctx.audit(`notices/${id}/reply/${ctx.openid}`, null, reply);
    return { reply: { ...reply, at: iso(reply.at) } };
  },
});
