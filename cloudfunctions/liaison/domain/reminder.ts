import type { LiaisonPeriod } from '@lxq/types';
import type { Notification } from '../../shared/notify';

/** The reminder a member behind quota gets, from a director or convener or from the quarter-end timer. */
export function behindReminder(
  id: string,
  member: { openid: string; shortfalls: string[] },
  period: LiaisonPeriod,
  lead: string,
  now: Date,
): Notification {
  return {
    id,
    openid: member.openid,
    kind: 'reminder',
    title: '联系界别群众进度提醒',
    body: `${lead}：${period.year}年第${period.quarter}季度${member.shortfalls.join('；')}。请及时开展联系活动并记录。`,
    page: '/member/record/index',
    push: {
      template: 'taskReminder',
      values: { thing1: '联系界别群众进度提醒', thing2: member.shortfalls[0] ?? '请开展联系活动', time3: now },
    },
  };
}
