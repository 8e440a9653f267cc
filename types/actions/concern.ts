import { z } from '../zod';
import {
  ASSIGNEE_KINDS,
  CONCERN_LINK_KINDS,
  CONCERN_STATUSES,
  MAX_CONCERN_PHOTOS,
  type AssigneeKind,
  type ConcernAction,
  type ConcernLimits,
  type ConcernLinkKind,
  type ConcernStatus,
} from '../domain/concern';
import type { Page } from '../contract';
import { LIMITS } from '../limits';
import { fileId, geoPoint, id, listChoice, optionalText, pageInput, phone, text } from './fields';

/** Cloud-storage file ids of uploaded photos (cloud://… on WeChat, the emulator's own likewise). */
const photos = (label: string) =>
  z
    .array(fileId(label), { error: `${label}无效` })
    .max(MAX_CONCERN_PHOTOS, `${label}最多 ${MAX_CONCERN_PHOTOS} 张`)
    .default([]);

const day = (label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .optional();

const concernId = () => id('诉求');

export const concernSubmit = {
  input: z.object({
    workstationId: id('工作站'),
    category: listChoice('类别'),
    title: text('标题', LIMITS.concernTitle),
    text: text('内容', LIMITS.concernText),
    photos: photos('照片'),
    location: z
      .object({ ...geoPoint.shape, address: optionalText('地点', LIMITS.concernPlace) }, { error: '位置无效' })
      .optional(),
    sectorId: id('界别').optional(),
    phone: phone.optional(),
    anonymous: z.boolean().default(false),
    consent: z.literal(true, { error: '请阅读并同意隐私说明' }),
    source: z.enum(['qr', 'share', 'home'], { error: '来源无效' }).default('home'),
  }),
  /**
   * The unit's own deadlines, so the citizen is promised what the unit set (ISO strings on the
   * wire); needsReview: the text reports wrongdoing, and the success screen says staff will review it.
   */
  result: {} as {
    _id: string;
    status: ConcernStatus;
    acceptDueAt: string | null;
    replyDueAt: string | null;
    needsReview: boolean;
  },
};

export interface ConcernListItem {
  _id: string;
  title: string;
  category: string;
  status: ConcernStatus;
  workstationName: string | null;
  createdAt: string;
  /** "匿名群众" when anonymous. */
  submitter?: string;
  /** Masked: 138****5678. */
  phone?: string | null;
  /** The running deadline, ISO; '' once answered. */
  dueAt?: string;
  overdue?: boolean;
  /** The accept deadline counts over a year not yet entered in the calendar (shown 暂定). */
  provisional?: boolean;
  /** Handlers: the content check asks for a person's review (需人工复核). */
  needsReview?: boolean;
  assigneeName?: string | null;
  sectorName?: string | null;
  /** The submitter's own list: something happened they have not opened yet (有新进展). */
  unread?: boolean;
}

export const concernListMine = {
  input: z.object({ ...pageInput }),
  result: {} as Page<ConcernListItem>,
};

export const concernListForStaff = {
  input: z.object({
    ...pageInput,
    status: z.enum(CONCERN_STATUSES, { error: '状态无效' }).optional(),
    overdue: z.boolean({ error: '筛选条件无效' }).optional(),
    category: listChoice('类别').optional(),
    workstationId: id('工作站').optional(),
    sectorId: id('界别').optional(),
    from: day('开始日期'),
    to: day('结束日期'),
    /** Words of the title (the desktop table's search box). */
    q: optionalText('搜索词', 40).optional(),
    /** Oldest first, or newest first (the default), over every page; an overdue list is by deadline. */
    sort: z.enum(['createdAt', '-createdAt'], { error: '排序方式无效' }).optional(),
  }),
  /** `overdue` is counted up to 100 (OVERDUE_COUNT_CAP): more shows as "99+". */
  result: {} as Page<ConcernListItem> & {
    counts: Partial<Record<ConcernStatus, number>>;
    overdue: number;
    /** The categories the subtree's units offer (their own lists or the built-in one), for the filter. */
    categories: string[];
  },
};

/** The staff queue as a workbook: exactly the rows the same filters list, every page of them. */
export const concernExportQueue = {
  input: concernListForStaff.input.omit({ page: true, pageSize: true }),
  result: {} as { fileName: string; url: string; rows: number },
};

/** One timeline event as people see it. */
export interface ConcernEventView {
  at: string;
  byName: string;
  action: ConcernAction | string;
  note: string;
}

/** A concern as its viewer may see it: `audience` tells which parts are filled. */
export interface ConcernView {
  _id: string;
  audience: 'submitter' | 'handler' | 'staff';
  title: string;
  text: string;
  category: string;
  status: ConcernStatus;
  photos: { fileID: string; url: string; hidden?: boolean }[];
  location: { lat: number; lng: number; address: string } | null;
  workstationId: string | null;
  workstationName: string | null;
  sectorName: string | null;
  source: string;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  /** The accept deadline counts over a year not yet entered in the calendar (shown 暂定). */
  provisional: boolean;
  /** Handlers: the content check asks for a person's review (需人工复核). */
  needsReview?: boolean;
  timeline: ConcernEventView[];
  reply: {
    text: string;
    photos: { fileID: string; url: string; hidden?: boolean }[];
    at: string;
    byName: string;
  } | null;
  rating: { score: number; comment: string; at: string } | null;
  /** `status`: a 社情民意信息's stage as this viewer may know it (the submitter: 已采用 …). */
  links: {
    kind: ConcernLinkKind;
    refId: string;
    title: string;
    status?: string;
    /** A consultation topic's results so far (结果反馈清单), and whether it is closed (topic links only). */
    results?: { no: number; suggestion: string; result: string }[];
    closed?: boolean;
  }[];
  assignee: { kind: AssigneeKind; id: string; name: string } | null;
  /** What the viewer may do now. */
  can: {
    rate: boolean;
    reopen: boolean;
    withdraw?: boolean;
    /** The submitter left a phone number and may take it off (concern.removePhone). */
    removePhone?: boolean;
    accept: boolean;
    reject: boolean;
    duplicate: boolean;
    assign: boolean;
    start: boolean;
    reply: boolean;
    close: boolean;
    note: boolean;
    /** Attach a consultation topic, information report or proposal. */
    link: boolean;
  };
  /** Handlers: the submitter ("匿名群众" when anonymous), the phone masked, or in full for the assigned member. */
  submitter?: string;
  phone?: string | null;
  recorder?: string | null;
  /** Staff only. */
  notes?: { at: string; byName: string; text: string }[];
  /** Set when merged into another concern: the submitter follows the original. */
  duplicateOf: { _id: string; title: string; status: ConcernStatus; reply: ConcernView['reply'] } | null;
}

export const concernGet = {
  input: z.object({ id: concernId() }),
  result: {} as ConcernView,
};

const note = optionalText('备注', 500);

export const concernAccept = {
  input: z.object({ id: concernId(), note }),
  result: {} as { status: ConcernStatus },
};

export const concernReject = {
  input: z.object({ id: concernId(), reason: text('不予受理的理由', 4, 500) }),
  result: {} as { status: ConcernStatus },
};

export const concernMarkDuplicate = {
  input: z.object({ id: concernId(), originalId: id('原诉求'), note }),
  result: {} as { status: ConcernStatus },
};

export interface DuplicateCandidate {
  _id: string;
  title: string;
  category: string;
  status: ConcernStatus;
  createdAt: string;
  /** Why it is suggested: "同类别，相距 120 米" / "内容相似". */
  why: string;
}

export const concernDuplicateCandidates = {
  input: z.object({ id: concernId() }),
  result: {} as { items: DuplicateCandidate[] },
};

export const concernAssign = {
  input: z.object({
    id: concernId(),
    target: z.object(
      { kind: z.enum(ASSIGNEE_KINDS, { error: '请选择交办对象类型' }), id: id('交办对象') },
      { error: '请选择交办对象' },
    ),
    note,
  }),
  result: {} as { status: ConcernStatus },
};

export interface AssigneeOption {
  kind: AssigneeKind;
  id: string;
  name: string;
  detail: string;
  /** Members: the 界别 the picker groups them under ('' when none). */
  group?: string;
  /** Members: the workstations they belong to. */
  stations?: string[];
  /** Members: on a scheduled shift today, at this station. */
  onDutyAt?: string | null;
  /** Members: concerns in their hands now (交办 or 办理中). */
  openCases?: number;
}

export const concernAssigneeOptions = {
  input: z.object({ id: concernId(), kind: z.enum(ASSIGNEE_KINDS, { error: '请选择交办对象类型' }) }),
  result: {} as { items: AssigneeOption[] },
};

export const concernAddNote = {
  input: z.object({ id: concernId(), text: text('备注', 2, 500) }),
  result: {} as { notes: number },
};

export const concernClose = {
  input: z.object({ id: concernId(), note }),
  result: {} as { status: ConcernStatus },
};

export const concernLink = {
  input: z.object({
    id: concernId(),
    kind: z.enum(CONCERN_LINK_KINDS, { error: '请选择关联类型' }),
    title: text('关联标题', 2, 60),
    /** A number (提案第 12 号) or an address; optional until topics, reports and proposals exist. */
    refId: optionalText('编号或链接', 200).default(''),
  }),
  result: {} as { links: number },
};

export interface ConcernFigures {
  quarter: string;
  collected: number;
  answered: number;
  /** Answered on time, 0–100, null when nothing was answered yet. */
  onTimeRate: number | null;
  averageRating: number | null;
  ratings: number;
  open: number;
  overdue: number;
}

export const concernFigures = {
  input: z.object({}),
  result: {} as ConcernFigures,
};

export const concernListAssigned = {
  input: z.object({ ...pageInput, done: z.boolean({ error: '筛选条件无效' }).default(false) }),
  result: {} as Page<ConcernListItem>,
};

export const concernStart = {
  input: z.object({ id: concernId() }),
  result: {} as { status: ConcernStatus },
};

export const concernReply = {
  input: z.object({ id: concernId(), text: text('答复内容', LIMITS.replyText), photos: photos('答复照片') }),
  result: {} as { status: ConcernStatus },
};

export const concernRate = {
  input: z.object({
    id: concernId(),
    score: z.number({ error: '请选择评分' }).int('请选择评分').min(1, '请选择 1–5 分').max(5, '请选择 1–5 分'),
    comment: optionalText('评价', LIMITS.rateComment),
  }),
  result: {} as { score: number },
};

export const concernReopen = {
  input: z.object({ id: concernId(), reason: text('重新办理的理由', LIMITS.reopenReason) }),
  result: {} as { status: ConcernStatus },
};

export const concernWithdraw = {
  input: z.object({ id: concernId() }),
  result: {} as { status: ConcernStatus },
};

export const concernGetSettings = {
  input: z.object({}),
  result: {} as ConcernLimits & { unitId: string; unitName: string; retentionYears: number },
};

export const concernSaveSettings = {
  input: z.object({
    acceptWorkingDays: z
      .number({ error: '请填写受理时限' })
      .int('请填写整数')
      .min(1, '至少 1 个工作日')
      .max(30, '最多 30 个工作日'),
    replyDays: z.number({ error: '请填写答复时限' }).int('请填写整数').min(1, '至少 1 天').max(90, '最多 90 天'),
    /** Kept as it was when not given. */
    retentionYears: z
      .number({ error: '请填写保存年限' })
      .int('请填写整数')
      .min(1, '至少 1 年')
      .max(30, '最多 30 年')
      .optional(),
  }),
  result: {} as ConcernLimits & { retentionYears: number },
};

/** What the privacy page states: the retention every unit applies, and the units that differ. */
export const concernRetention = {
  input: z.object({}),
  result: {} as { years: number; units: { unitName: string; years: number }[] },
};

/** The submitter removes the phone number they left on their own concern. */
export const concernRemovePhone = {
  input: z.object({ id: concernId() }),
  result: {} as { phone: null },
};

/** Whom staff's data-subject tool looks for: the phone they left, or their WeChat openid. */
const subject = z
  .object({
    phone: phone.optional(),
    openid: z
      .string({ error: '微信标识格式不正确' })
      .trim()
      .regex(/^[\w-]{6,64}$/, '微信标识格式不正确')
      .optional(),
  })
  .refine((v) => !!(v.phone || v.openid), { message: '请填写手机号或微信标识', path: ['phone'] });

/** A concern as the data-subject tool lists it: what is stored about the person, phone masked. */
export interface SubjectConcern {
  _id: string;
  no: string;
  title: string;
  status: ConcernStatus;
  workstationName: string | null;
  createdAt: string;
  phone: string | null;
  anonymous: boolean;
  photos: number;
  hasLocation: boolean;
  deidentified: boolean;
}

/** A duty reception where the person left their name or phone. */
export interface SubjectReception {
  _id: string;
  date: string;
  workstationName: string;
  topic: string;
  visitorName: string | null;
  visitorPhone: string | null;
  deidentified: boolean;
}

export const concernSubjectFind = {
  input: subject,
  result: {} as { concerns: SubjectConcern[]; receptions: SubjectReception[] },
};

/** The person's data in full, as a workbook to hand to them. */
export const concernSubjectExport = {
  input: subject,
  result: {} as { fileName: string; url: string; rows: number },
};

/** Removes the person's personal data from what was found (as the retention job does). */
export const concernSubjectErase = {
  input: subject,
  result: {} as { concerns: number; receptions: number },
};
