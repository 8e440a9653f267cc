/**
 * A demo topic of 会宁 at 协商议事 whose meeting began 40 minutes ago, arranged five days before
 * as topic.arrangeMeeting does it (a meeting notice composed by the notice module's newNotice and
 * told as its delivery tells, one sign-in row per member invited): replies in, members signed in
 * on time and late, the rest not yet (sign-in is still open); and two research tasks, one done and
 * one open past its due day. So the staff topic page shows attendance, a member's 协商议事 page
 * their meeting and task, and the figures count participations. Members 36–45 of 会宁 but 37, 40,
 * 42 and 44: tests count exactly what they give those (42 is the first 会宁 member assessment.test.ts reads).
 */
import type {
  InboxItem,
  MeetingParticipation,
  NoticeRecipient,
  ResearchParticipation,
  Sector,
  Topic,
  User,
} from '@lxq/types';
import { MEETING_SIGN_IN_HOURS } from '@lxq/types';

export const DEMO_MEETING_TOPIC_ID = 'topic-demo-5';
const NOTICE_ID = 'notice-demo-meeting';
const INVITED = ['36', '38', '39', '41', '43', '45'];
/** Signed in before the start, after it; the others have not yet (sign-in is still open). */
const ON_TIME = ['36', '39'];
const LATE = ['41'];

const MINUTE = 60_000;
const DAY = 86_400_000;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/* eslint-disable @typescript-eslint/no-explicit-any -- the seed's put takes any documents */
export async function seedTopicMeeting(
  put: (c: string, docs: any[]) => Promise<void>,
  now: Date,
  users: User[],
  sectors: Sector[],
) {
  // Loaded here, not at the top: the functions' modules bind the SDK, which seed() sets up first.
  const { newNotice } = await import('../../cloudfunctions/notice/domain/compose');
  const { noticeMessage } = await import('../../cloudfunctions/notice/domain/delivery/message');
  const { recipientId } = await import('../../cloudfunctions/shared/data/noticeRecipients');
  const { meetingRowId } = await import('../../cloudfunctions/shared/data/topicParticipation');
  const { newMeetingSecret } = await import('../../cloudfunctions/topic/domain/meetingCode');

  const staff = users.find((u) => u._id === 'user-staff-huining')!;
  const at = new Date(now.getTime() - 40 * MINUTE);
  const arrangedAt = new Date(now.getTime() - 5 * DAY);
  const place = '会师镇委员工作站会议室';
  const title = '北关农贸市场周边环境整治协商会';
  const input = {
    title,
    body: '围绕北关农贸市场周边占道经营、垃圾清运和停车问题开展小微协商，请受邀委员准时参加，到场后扫描会场二维码签到。',
    attachments: [],
    targets: {
      sectorIds: [],
      committeeIds: [],
      workstationIds: [],
      roles: [],
      userIds: INVITED.map((n) => `user-m${n}`),
    },
  };
  // What resolveRecipients answers for named members, made from the seed's own lists: its queries
  // would cost half a second at every test's start.
  const invited = INVITED.map((k) => users.find((u) => u._id === `user-m${k}`)!);
  const resolved = {
    users: invited,
    targets: [{ kind: 'user' as const, id: 'users', name: '指定委员', count: invited.length }],
    sectorNames: new Map(sectors.map((s) => [s._id, s.name])),
  };
  const times = { sendAt: arrangedAt, later: false, meeting: { at, place, replyBy: new Date(at.getTime() - DAY) } };
  const notice = {
    ...newNotice(NOTICE_ID, input as any, times, staff, '政协会宁县委员会', resolved.targets, arrangedAt),
    status: 'sent' as const,
    leaseUntil: new Date(0),
    recipientCount: resolved.users.length,
    batchCount: 1,
    sentAt: arrangedAt,
  };
  const meeting = {
    noticeId: NOTICE_ID,
    title,
    at,
    place,
    replyBy: times.meeting.replyBy,
    closesAt: new Date(at.getTime() + MEETING_SIGN_IN_HOURS * 3_600_000),
    guests: [{ name: '北关社区居委会主任', phone: '13909430001' }],
    invited: resolved.users.length,
    codeSecret: newMeetingSecret(),
    arrangedByName: staff.name,
    arrangedAt,
  };
  const n = (u: User) => u._id.replace('user-m', '');
  const recipients: NoticeRecipient[] = resolved.users.map((u, i) => ({
    _id: recipientId(NOTICE_ID, u._id),
    noticeId: NOTICE_ID,
    userId: u._id,
    openid: u.openid ?? null,
    name: u.name,
    sectorName: resolved.sectorNames.get(u.sectorId ?? '') ?? '',
    deliveredAt: arrangedAt,
    push: 'no_subscription',
    readAt: new Date(arrangedAt.getTime() + (i + 1) * 30 * MINUTE),
    // Everyone replied but the last one; one cannot come.
    reply:
      i === resolved.users.length - 1
        ? null
        : {
            attending: n(u) !== '43',
            reason: n(u) === '43' ? '当天在外地出差' : '',
            at: new Date(arrangedAt.getTime() + DAY),
          },
    remindedAt: null,
  }));
  const inbox: InboxItem[] = resolved.users.map((u) => {
    const m = noticeMessage(notice, 0, u.openid!);
    return {
      _id: m.id,
      openid: m.openid,
      kind: m.kind,
      title: m.title,
      body: m.body,
      page: m.page,
      refId: m.refId ?? null,
      createdAt: arrangedAt,
      readAt: null,
      push: 'no_subscription',
    };
  });
  const base = { topicId: DEMO_MEETING_TOPIC_ID, topicTitle: '北关农贸市场周边环境整治', unitPath: staff.unitPath };
  const sittings: MeetingParticipation[] = resolved.users.map((u) => {
    const outcome = ON_TIME.includes(n(u)) ? 'on_time' : LATE.includes(n(u)) ? 'late' : 'pending';
    const signedInAt =
      outcome === 'on_time'
        ? new Date(at.getTime() - (5 + INVITED.indexOf(n(u))) * MINUTE)
        : outcome === 'late'
          ? new Date(at.getTime() + 12 * MINUTE)
          : null;
    return {
      _id: meetingRowId(DEMO_MEETING_TOPIC_ID, u._id),
      kind: 'meeting',
      ...base,
      userId: u._id,
      openid: u.openid ?? null,
      name: u.name,
      countedAt: at,
      createdAt: arrangedAt,
      at,
      place,
      closesAt: meeting.closesAt,
      outcome,
      signedInAt,
    };
  });
  const member = (k: string) => users.find((u) => u._id === `user-m${k}`)!;
  const task = (k: string, text: string, dueOn: string, doneAt: Date | null, note: string): ResearchParticipation => ({
    _id: `research:user-m${k}:demo-5`,
    kind: 'research',
    ...base,
    userId: member(k)._id,
    openid: member(k).openid ?? null,
    name: member(k).name,
    countedAt: doneAt,
    createdAt: new Date(now.getTime() - 4 * DAY),
    task: text,
    dueOn,
    status: doneAt ? 'done' : 'open',
    note,
    liaisonRecordId: null,
    doneAt,
    assignedByName: staff.name,
  });
  const done = new Date(now.getTime() - 2 * DAY);
  const tasks = [
    task(
      '36',
      '走访北关农贸市场周边商户，了解占道经营原因',
      chinaDay(new Date(now.getTime() - DAY)),
      done,
      '走访商户 18 户，多数因市场内摊位不足而占道，希望增设临时摊位区',
    ),
    task('38', '统计市场周边早晚高峰车辆停放情况', chinaDay(new Date(now.getTime() - DAY)), null, ''),
  ];
  const by = { by: staff._id, byName: staff.name, attachments: [] };
  const topic: Topic = {
    _id: DEMO_MEETING_TOPIC_ID,
    unitId: 'u-huining',
    unitPath: staff.unitPath,
    source: 'online',
    title: base.topicTitle,
    background: '北关农贸市场周边占道经营、垃圾清运不及时，早晚高峰车辆乱停，周边居民多次反映。',
    sectorIds: [],
    workstationIds: ['ws-huishi'],
    form: 'micro',
    responsible: [{ userId: staff._id, name: staff.name, openid: staff.openid }],
    step: 'meeting',
    records: [
      {
        step: 'collect',
        kind: 'record',
        text: '网络筛题：多位居民在网上反映农贸市场周边环境问题',
        at: new Date(now.getTime() - 12 * DAY),
        ...by,
      },
      {
        step: 'collect',
        kind: 'advance',
        text: '议题收集完成，进入议题确定',
        at: new Date(now.getTime() - 11 * DAY),
        ...by,
      },
      {
        step: 'confirm',
        kind: 'confirm',
        text: '经会师镇党委+政协委员+群众代表确定为协商议题',
        at: new Date(now.getTime() - 10 * DAY),
        ...by,
      },
      {
        step: 'plan',
        kind: 'record',
        text: `安排协商会议「${title}」：${place}，邀请委员 ${resolved.users.length} 人，特邀 北关社区居委会主任`,
        at: arrangedAt,
        ...by,
      },
      { step: 'plan', kind: 'advance', text: '协商方案已制定', at: new Date(arrangedAt.getTime() + MINUTE), ...by },
      {
        step: 'research',
        kind: 'record',
        text: `布置议前调研：${tasks.map((t) => `${t.name}${t.task}`).join('；')}`,
        at: new Date(now.getTime() - 4 * DAY),
        ...by,
      },
      {
        step: 'research',
        kind: 'advance',
        text: '议前调研完成，进入协商议事',
        at: new Date(now.getTime() - DAY),
        ...by,
      },
    ],
    screening: {
      may: ['涉及群众切身利益的民生实事'],
      mayNot: [],
      at: new Date(now.getTime() - 11 * DAY),
      byName: staff.name,
    },
    confirmation: {
      body: '会师镇党委+政协委员+群众代表',
      date: chinaDay(new Date(now.getTime() - 10 * DAY)),
      byName: staff.name,
      at: new Date(now.getTime() - 10 * DAY),
    },
    items: [],
    concerns: [],
    liaisonRecordIds: [],
    nextDueAt: null,
    publishedAt: null,
    closedAt: null,
    createdBy: staff._id,
    createdAt: new Date(now.getTime() - 12 * DAY),
    updatedAt: now,
    meeting,
  };
  await put('topics', [topic]);
  await put('notices', [notice]);
  await put('notice_recipients', recipients);
  await put('inbox', inbox);
  await put('topic_participation', [...sittings, ...tasks]);
}
/* eslint-enable @typescript-eslint/no-explicit-any */
