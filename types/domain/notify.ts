/**
 * Notifications: every one lands in the person's in-app inbox; a WeChat subscribe message is
 * also sent when the person has a subscription left for that template (one per acceptance).
 */

/** Template field kinds and their limits (WeChat subscribe messages; 47003 when broken). */
export type TemplateFieldKind = 'thing' | 'phrase' | 'time' | 'date' | 'name' | 'character_string' | 'number';

export interface TemplateDef {
  /** Production template ids come from the mini-program console; the emulator accepts any id. */
  id: string;
  title: string;
  /** Field key (e.g. thing1) → kind; the key's letters must match the kind, as WeChat requires. */
  fields: Record<string, TemplateFieldKind>;
  /** The page the message opens. */
  page: string;
}

export const TEMPLATES = {
  concernStatus: {
    id: 'TPL_CONCERN_STATUS',
    title: '诉求办理进度提醒',
    fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time', thing4: 'thing' },
    page: 'pages/concern/detail',
  },
  taskReminder: {
    id: 'TPL_TASK_REMINDER',
    title: '待办提醒',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
    page: 'pages/me/index',
  },
  shiftChange: {
    id: 'TPL_SHIFT_CHANGE',
    title: '值班安排变更通知',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing', phrase4: 'phrase' },
    page: 'member/duty/index',
  },
  notice: {
    id: 'TPL_NOTICE',
    title: '通知公告',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
    page: 'member/inbox/index',
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateKey = keyof typeof TEMPLATES;

export const INBOX_KINDS = ['concern', 'shift', 'notice', 'reminder', 'liaison', 'report', 'proposal'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxItem {
  _id: string;
  openid: string;
  kind: InboxKind;
  title: string;
  body: string;
  /** Page (with query) the item opens. */
  page: string;
  refId: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** The request that marked it read (server only): its retry after a crash answers as the first. */
  readBy?: string | null;
  /** How the push went: 'sent', or why not ('no_subscription', 'refused', 'error'). */
  push: 'sent' | 'no_subscription' | 'error' | 'skipped';
}

/** A person's answers to subscription requests, per template. */
export type SubscriptionAnswer = 'accept' | 'reject' | 'ban';

/** One per person: how often they allowed or refused each template when asked. */
export interface SubscriptionRecord {
  _id: string;
  openid: string;
  templates: Partial<Record<TemplateKey, { accepted: number; refused: number; lastAnswer: SubscriptionAnswer }>>;
  updatedAt: Date;
}
