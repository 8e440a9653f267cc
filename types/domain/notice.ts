import type { LastChange } from './change';
/**
 * Notices to sector groups (PRODUCT.md §8): staff compose one, target sectors, special
 * committees, workstations, roles or named members inside their scope, and follow who got it,
 * who read it and who will come to the meeting.
 */
import { uploadFolder } from './files';

export const NOTICE_TARGET_ROLES = ['member', 'staff', 'admin'] as const;
export type NoticeTargetRole = (typeof NOTICE_TARGET_ROLES)[number];

/** Who a notice goes to: everyone matching any of these, inside the sender's unit subtree. */
export interface NoticeTargets {
  sectorIds: string[];
  committeeIds: string[];
  workstationIds: string[];
  roles: NoticeTargetRole[];
  userIds: string[];
}

export interface NoticeMeeting {
  at: Date;
  place: string;
  /** Replies are taken until the end of this day (China time). */
  replyBy: Date;
}

export interface NoticeAttachment {
  fileId: string;
  name: string;
  kind: 'pdf' | 'image';
  /** Bytes (0 when not known: notices stored before sizes were kept). */
  size?: number;
}

/** What compose accepts: at most this many files, each at most this big. */
export const NOTICE_ATTACHMENT_LIMITS = { count: 9, bytes: 20 * 1024 * 1024 } as const;

/**
 * Staff upload a notice's files under this folder of cloud storage, in a folder of their own
 * openid: the server takes only files from the sender's own folder.
 */
export const noticeFileFolder = (openid: string) => uploadFolder('notice-files', openid);

/**
 * scheduled → (due) → preparing → sending → sent. `preparing` writes the recipient list and the
 * delivery batches; `sending` is the queue being worked. A scheduled notice may be cancelled
 * before it is due (scheduled → cancelled): it is never delivered.
 */
export const NOTICE_STATUSES = ['scheduled', 'preparing', 'sending', 'sent', 'cancelled'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  scheduled: '定时待发',
  preparing: '准备发送',
  sending: '发送中',
  sent: '已送达',
  cancelled: '已取消',
};

export interface Notice {
  _id: string;
  unitId: string;
  unitPath: string[];
  unitName: string;
  title: string;
  /** Paragraphs separated by blank lines; **emphasis**; [text](https://…) links. */
  body: string;
  attachments: NoticeAttachment[];
  meeting: NoticeMeeting | null;
  targets: NoticeTargets;
  /** What the targets read as, for the list ("民建界、农工党界、委员 3 人"). */
  targetSummary: string;
  status: NoticeStatus;
  sendAt: Date;
  /** While preparing: another worker may take over after this. */
  leaseUntil: Date;
  recipientCount: number;
  batchCount: number;
  /** Recipients without a bound WeChat account (set when delivery is prepared). */
  unboundCount?: number;
  /** Moved by the delivery workers per batch (atomic increments): each recipient counted once. */
  progress?: { delivered?: number; pushed?: number; unreachable?: number };
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  sentAt: Date | null;
  remindCount: number;
  lastRemindAt: Date | null;
  /** Reminders at most once per 24 hours: the next one may go after this. */
  remindAfter: Date;
  /** Set when staff cancelled it before it went out. */
  cancelledAt?: Date | null;
  cancelledByName?: string;
  /** The last guarded change: the request that made it and the fields it replaced (server only). */
  lastChange?: LastChange | null;
}

/** How a person was reached by push. */
export type NoticePush = 'sent' | 'no_subscription' | 'error' | 'unbound' | 'skipped';

export const NOTICE_PUSH_LABELS: Record<NoticePush, string> = {
  sent: '已推送',
  no_subscription: '未订阅或订阅次数已用完',
  error: '推送失败',
  unbound: '未绑定微信',
  skipped: '推送结果未知',
};

/** One person a notice was addressed to; `_id` is `${noticeId}:${userId}`. */
export interface NoticeRecipient {
  _id: string;
  noticeId: string;
  userId: string;
  openid: string | null;
  name: string;
  /** The sector's name, for the follow-up table. */
  sectorName: string;
  deliveredAt: Date | null;
  push: NoticePush | null;
  readAt: Date | null;
  reply: { attending: boolean; reason: string; at: Date } | null;
  remindedAt: Date | null;
}

/** One batch of the delivery queue: a slice of recipients, leased by one worker at a time. */
export interface NoticeQueueItem {
  _id: string;
  noticeId: string;
  /** 0 = the notice itself; n = the n-th reminder to those who had not read it. */
  round: number;
  recipients: { userId: string; openid: string | null }[];
  /** How many recipients at the front were already handled when a worker stopped on time. */
  cursor: number;
  status: 'open' | 'done';
  /** Free when in the past: a worker that died lets the next one take the batch after this. */
  leaseUntil: Date;
  /** How long a claim lasts, and how long a worker may spend before handing the rest on. */
  leaseMs: number;
  budgetMs: number;
  attempts: number;
  createdAt: Date;
  doneAt: Date | null;
}

export interface NoticeTemplate {
  key: string;
  name: string;
  title: string;
  body: string;
  meeting: boolean;
}

/** Templates offered on the compose page; 提示清单 is seed 000's six prompts to members. */
export const NOTICE_TEMPLATES: NoticeTemplate[] = [
  {
    key: 'prompts',
    name: '提示清单（六项）',
    title: '关于做好委员联系界别群众工作的提示清单',
    body: [
      '各位委员：',
      '为进一步做好委员联系界别群众工作，请结合自身实际，重点做好以下 **6 项工作**：',
      '一、**宣传阐释**：及时向界别群众宣传阐释党和国家重大决策部署以及省委省政府中心工作，做好解疑释惑、理顺情绪、化解矛盾工作。',
      '二、**凝聚共识**：发挥“一根头发”带动“一把头发”的作用，团结引导界别群众，不断扩大同心圆。',
      '三、**集中智慧**：围绕中心工作开展调查研究，把界别群众的真知灼见转化为提案和建议。',
      '四、**反映诉求**：对界别群众意见较多、带有普遍性的问题，通过提案、社情民意信息、大会发言等形式及时反映。',
      '五、**帮办实事**：力所能及为群众办实事、解难事，做好联系服务。',
      '六、**示范引领**：亮明政协委员身份，在本职岗位和界别群众中当好表率。',
      '请于每季度末在“连心桥”中填报联系记录。',
    ].join('\n\n'),
    meeting: false,
  },
  {
    key: 'meeting',
    name: '会议通知',
    title: '关于召开界别委员座谈会的通知',
    body: [
      '各位委员：',
      '定于下列时间召开界别委员座谈会，围绕界别群众反映集中的问题进行协商交流。',
      '请提前准备 **1–2 条** 界别群众意见建议，并在回执截止日期前确认是否参会。',
    ].join('\n\n'),
    meeting: true,
  },
  {
    key: 'study',
    name: '学习通知',
    title: '关于开展专题学习的通知',
    body: [
      '各位委员：',
      '请认真学习有关文件精神，结合界别特点做好宣传阐释工作。',
      '学习材料见附件，学习体会请于月底前报送界别联络组。',
    ].join('\n\n'),
    meeting: false,
  },
];
