/**
 * A demo notice already sent by 会宁 staff to the county's members: seed 000's 提示清单, read by
 * some of them, so the follow-up page and the members' inboxes have something real in them.
 */
import type { InboxItem, Notice, NoticeRecipient, Sector, User } from '@lxq/types';
import { NOTICE_TEMPLATES } from '@lxq/types';

export const DEMO_NOTICE_ID = 'notice-demo-1';

export function makeNotices(users: User[], sectors: Sector[], now: Date) {
  const staff = users.find((u) => u._id === 'user-staff-huining')!;
  const members = users.filter((u) => u.roles.includes('member') && u.unitId === 'u-huining');
  const template = NOTICE_TEMPLATES.find((t) => t.key === 'prompts')!;
  const sentAt = new Date(now.getTime() - 26 * 3_600_000);
  const notice: Notice = {
    _id: DEMO_NOTICE_ID,
    unitId: staff.unitId,
    unitPath: staff.unitPath,
    unitName: '政协会宁县委员会',
    title: template.title,
    body: template.body,
    attachments: [],
    meeting: null,
    targets: { sectorIds: [], committeeIds: [], workstationIds: [], roles: ['member'], userIds: [] },
    targetSummary: '全部委员',
    status: 'sent',
    sendAt: sentAt,
    leaseUntil: new Date(0),
    recipientCount: members.length,
    batchCount: 1,
    createdBy: staff._id,
    createdByName: staff.name,
    createdAt: sentAt,
    sentAt,
    remindCount: 0,
    lastRemindAt: null,
    remindAfter: new Date(0),
  };
  const sectorName = new Map(sectors.map((s) => [s._id, s.name]));
  // Every third member has read it.
  const readAt = (i: number) => (i % 3 === 0 ? new Date(sentAt.getTime() + (i + 1) * 600_000) : null);
  const recipients: NoticeRecipient[] = members.map((m, i) => ({
    _id: `${DEMO_NOTICE_ID}:${m._id}`,
    noticeId: DEMO_NOTICE_ID,
    userId: m._id,
    openid: m.openid,
    name: m.name,
    sectorName: sectorName.get(m.sectorId ?? '') ?? '',
    deliveredAt: sentAt,
    push: i % 2 === 0 ? 'sent' : 'no_subscription',
    readAt: readAt(i),
    reply: null,
    remindedAt: null,
  }));
  const inbox: InboxItem[] = members.map((m, i) => ({
    _id: `${DEMO_NOTICE_ID}:${m.openid}`,
    openid: m.openid!,
    kind: 'notice',
    title: notice.title,
    body: '为进一步做好委员联系界别群众工作，请结合自身实际，重点做好以下 6 项工作',
    page: `member/inbox/detail?id=${DEMO_NOTICE_ID}`,
    refId: DEMO_NOTICE_ID,
    createdAt: sentAt,
    readAt: readAt(i),
    push: i % 2 === 0 ? 'sent' : 'no_subscription',
  }));
  return { notices: [notice], recipients, inbox };
}
