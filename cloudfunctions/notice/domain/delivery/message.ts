import type { Notice } from '@lxq/types';
import type { Notification } from '../../../shared/notify';

/** The page a notice's inbox item and push open. */
export const noticePage = (noticeId: string) => `member/inbox/detail?id=${noticeId}`;

/** Inbox ids: the notice itself, then each reminder round, per person. */
export const inboxId = (noticeId: string, round: number, openid: string) =>
  round === 0 ? `${noticeId}:${openid}` : `${noticeId}:r${round}:${openid}`;

/** What one person is told: the inbox item and the subscribe message (cut to the template's limits by notify). */
export function noticeMessage(notice: Notice, round: number, openid: string): Notification {
  const plain = notice.body
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    id: inboxId(notice._id, round, openid),
    openid,
    kind: round === 0 ? 'notice' : 'reminder',
    title: round === 0 ? notice.title : `【提醒】${notice.title}`,
    body: [...plain].slice(0, 80).join(''),
    page: noticePage(notice._id),
    refId: notice._id,
    push: {
      template: 'notice',
      values: {
        thing1: notice.title,
        thing2: notice.meeting ? `会议地点：${notice.meeting.place}` : `${notice.unitName} ${notice.createdByName}`,
        time3: notice.meeting ? notice.meeting.at : (notice.sentAt ?? notice.sendAt),
      },
    },
  };
}
