import { z } from '../zod';
import type { Page } from '../contract';
import {
  NOTICE_ATTACHMENT_LIMITS,
  NOTICE_STATUSES,
  NOTICE_TARGET_ROLES,
  type NoticePush,
  type NoticeStatus,
} from '../domain/notice';
import { LIMITS } from '../limits';
import { id, optionalText, pageInput, searchWords, sortBy, text } from './fields';

/** An instant as ISO text (the client sends China time with its offset). */
const instant = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(40, `${label}格式不正确`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}格式不正确`);

const ids = (label: string, max: number) =>
  z
    .array(id(label), { error: `${label}格式不正确` })
    .max(max, `${label}最多选 ${max} 个`)
    .default([]);

export const noticeTargetsInput = z.object({
  sectorIds: ids('界别', 100),
  committeeIds: ids('专委会', 50),
  workstationIds: ids('工作站', 200),
  roles: z
    .array(z.enum(NOTICE_TARGET_ROLES, { error: '角色无效' }))
    .max(3, '角色无效')
    .default([]),
  userIds: ids('委员', 500),
});

export const noticeComposeInput = z.object({
  title: text('标题', 2, 60),
  body: text('正文', 2, 5000),
  attachments: z
    .array(
      z.object({
        fileId: z.string({ error: '附件无效' }).min(1, '附件无效').max(512, '附件无效'),
        name: text('附件名称', 1, 80),
        kind: z.enum(['pdf', 'image'], { error: '附件只支持 PDF 和图片' }),
        size: z
          .number({ error: '附件大小无效' })
          .int('附件大小无效')
          .min(0, '附件大小无效')
          .max(NOTICE_ATTACHMENT_LIMITS.bytes, `每个附件不能超过 ${NOTICE_ATTACHMENT_LIMITS.bytes / 1024 / 1024} MB`)
          .default(0),
      }),
    )
    .max(NOTICE_ATTACHMENT_LIMITS.count, `附件最多 ${NOTICE_ATTACHMENT_LIMITS.count} 个`)
    .default([]),
  meeting: z
    .object({
      at: instant('会议时间'),
      place: text('会议地点', 2, 60),
      replyBy: instant('回执截止日期'),
    })
    .optional(),
  targets: noticeTargetsInput,
  /** Leave out to send now. */
  sendAt: instant('发送时间').optional(),
  /** The sender confirmed sending again what they sent the same people in the last day. */
  repeat: z.boolean({ error: '请确认是否重复发送' }).default(false),
});

export interface NoticeOption {
  _id: string;
  name: string;
  /** The unit (or sector) it belongs to, to tell apart same names in a subtree. */
  note: string;
}

export const noticeOptions = {
  input: z.object({ q: optionalText('姓名', 20) }),
  result: {} as {
    sectors: NoticeOption[];
    committees: NoticeOption[];
    workstations: NoticeOption[];
    /** Members whose name starts with `q` (none without `q`). */
    members: NoticeOption[];
  },
};

export interface ResolvedTarget {
  kind: 'sector' | 'committee' | 'workstation' | 'role' | 'user';
  id: string;
  name: string;
  count: number;
}

export interface Resolution {
  count: number;
  targets: ResolvedTarget[];
  /** The first recipients by name, to show who "N people" are. */
  sample: { name: string; note: string }[];
}

export const noticeResolve = {
  input: z.object({ targets: noticeTargetsInput }),
  result: {} as Resolution,
};

export const noticeSend = {
  input: noticeComposeInput,
  result: {} as { _id: string; status: NoticeStatus; recipientCount: number },
};

export interface NoticeListItem {
  _id: string;
  title: string;
  status: NoticeStatus;
  targetSummary: string;
  meeting: boolean;
  sendAt: string;
  createdAt: string;
  createdByName: string;
  recipientCount: number;
  readCount: number;
}

export const noticeList = {
  input: z.object({
    ...pageInput,
    status: z.enum(NOTICE_STATUSES, { error: '状态无效' }).optional(),
    /** Words of the title. */
    q: searchWords,
    /** By the time to send (unit_path_send); without it, the newest written first (unit_path_created). */
    sort: sortBy('sendAt'),
  }),
  result: {} as Page<NoticeListItem>,
};

export interface FollowUpCounts {
  recipients: number;
  delivered: number;
  pushed: number;
  unreachable: number;
  read: number;
  attending: number;
  absent: number;
  /** Reachable in-app and not yet delivered (moves down while the notice goes out). */
  pending: number;
}

export interface RecipientRow {
  _id: string;
  name: string;
  sectorName: string;
  delivered: boolean;
  push: NoticePush | null;
  /** Why push did not reach them, in Chinese; empty when it did. */
  unreachable: string;
  readAt: string;
  reply: { attending: boolean; reason: string; at: string } | null;
}

export const FOLLOW_UP_FILTERS = ['all', 'unread', 'read', 'unreachable', 'attending', 'absent', 'noReply'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

export const noticeFollowUp = {
  input: z.object({
    ...pageInput,
    id: id('通知'),
    filter: z.enum(FOLLOW_UP_FILTERS, { error: '筛选条件无效' }).default('all'),
  }),
  result: {} as Page<RecipientRow> & {
    notice: Omit<NoticeListItem, 'meeting'> & {
      meeting: { at: string; place: string; replyBy: string } | null;
      sentAt: string;
      body: string;
      attachments: { name: string; kind: 'pdf' | 'image'; size: number }[];
      /** Who cancelled it and when ('' unless cancelled). */
      cancelledAt: string;
      cancelledByName: string;
    };
    counts: FollowUpCounts;
    /** When staff may remind again ('' = now). */
    remindAfter: string;
  },
};

export const noticeRemind = {
  input: z.object({ id: id('通知') }),
  result: {} as { reminded: number; remindAfter: string },
};

/** Staff call off a scheduled notice before it goes out. */
export const noticeCancel = {
  input: z.object({ id: id('通知') }),
  result: {} as { _id: string; status: NoticeStatus },
};

export interface NoticeView {
  _id: string;
  title: string;
  body: string;
  unitName: string;
  createdByName: string;
  sentAt: string;
  attachments: { name: string; kind: 'pdf' | 'image'; size: number; url: string }[];
  meeting: { at: string; place: string; replyBy: string; open: boolean } | null;
  reply: { attending: boolean; reason: string; at: string } | null;
  readAt: string;
}

export const noticeGet = {
  input: z.object({ id: id('通知') }),
  result: {} as NoticeView,
};

export const noticeReply = {
  input: z
    .object({
      id: id('通知'),
      attending: z.boolean({ error: '请选择是否参会' }),
      reason: optionalText('不能参会的原因', LIMITS.noticeReplyReason),
    })
    .refine((v) => v.attending || !!v.reason, { message: '请填写不能参会的原因', path: ['reason'] }),
  result: {} as { reply: { attending: boolean; reason: string; at: string } },
};
