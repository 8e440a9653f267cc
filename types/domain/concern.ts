import type { ReportLinkOnConcern } from './report';
import type { GeoPoint } from './org';
import type { YearDays } from './calendar';
import type { MediaCheck } from './files';
import type { ConcernTopicOutcome } from './topic';

export const CONCERN_CATEGORIES = [
  '民生',
  '营商环境',
  '生态环境',
  '教育',
  '医疗卫生',
  '交通出行',
  '社会治理',
  '文化',
  '其他',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const CONCERN_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'replied',
  'closed',
  'rejected',
  'duplicate',
  'withdrawn',
] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  assigned: '已交办',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
  duplicate: '已合并',
  withdrawn: '已撤回',
};

/** Statuses still waiting on someone: they carry a deadline (`dueAt`) and can be overdue. */
export const OPEN_CONCERN_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress'] as const;

/** What can be done to a concern; each is one event in its timeline. */
export const CONCERN_ACTIONS = [
  'submit',
  'accept',
  'reject',
  'duplicate',
  'assign',
  'start',
  'reply',
  'reopen',
  'close',
  'rate',
  'note',
  'link',
  'withdraw',
] as const;
export type ConcernAction = (typeof CONCERN_ACTIONS)[number];

export const CONCERN_ACTION_LABELS: Record<ConcernAction, string> = {
  submit: '提交诉求',
  accept: '受理',
  reject: '不予受理',
  duplicate: '合并到其他诉求',
  assign: '交办',
  start: '开始办理',
  reply: '答复',
  reopen: '申请重新办理',
  close: '办结',
  rate: '评价',
  note: '内部备注',
  link: '关联成果',
  withdraw: '撤回诉求',
};

/** Defaults of the per-unit time limits (PRODUCT.md §3). */
export const DEFAULT_CONCERN_LIMITS = { acceptWorkingDays: 3, replyDays: 15 } as const;
/** How many years after closing a concern keeps its personal data, unless the unit sets otherwise. */
export const DEFAULT_RETENTION_YEARS = 3;
export interface ConcernLimits {
  /** Accept or reject within this many working days (the working-day calendar) of submission. */
  acceptWorkingDays: number;
  /** First reply within this many calendar days of submission. */
  replyDays: number;
}

/** The staff queue counts overdue concerns up to this many (shown as "99+" beyond 99). */
export const OVERDUE_COUNT_CAP = 100;
export const overdueLabel = (n: number) => (n > OVERDUE_COUNT_CAP - 1 ? `${OVERDUE_COUNT_CAP - 1}+` : String(n));

/** The submitter may ask to reopen once, within this many days of the reply. */
export const REOPEN_WINDOW_DAYS = 7;
export const MAX_CONCERN_PHOTOS = 9;

export const ASSIGNEE_KINDS = ['member', 'committee', 'workstation'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
export const ASSIGNEE_KIND_LABELS: Record<AssigneeKind, string> = {
  member: '委员',
  committee: '专委会',
  workstation: '工作站',
};

export interface ConcernAssignee {
  kind: AssigneeKind;
  id: string;
  name: string;
}

export const CONCERN_LINK_KINDS = ['topic', 'report', 'proposal'] as const;
export type ConcernLinkKind = (typeof CONCERN_LINK_KINDS)[number];
export const CONCERN_LINK_LABELS: Record<ConcernLinkKind, string> = {
  topic: '协商议题',
  report: '社情民意信息',
  proposal: '提案',
};
export interface ConcernLink {
  kind: ConcernLinkKind;
  /** Its number or address (a topic's id once those exist, a proposal number, a URL); '' when none. */
  refId: string;
  title: string;
  at: Date;
}

export interface ConcernReply {
  text: string;
  photos: string[];
  at: Date;
  byName: string;
}

export interface ConcernRating {
  score: number;
  comment: string;
  at: Date;
}

/** Staff-only remarks; never leave a function towards the submitter. */
export interface ConcernNote {
  at: Date;
  by: string;
  byName: string;
  text: string;
}

export interface ConcernEvent {
  at: Date;
  /** openid of who did it ('' for the system). */
  by: string;
  byName: string;
  action: string;
  note?: string;
}

export interface Concern {
  _id: string;
  unitId: string;
  unitPath: string[];
  workstationId: string | null;
  workstationName: string | null;
  category: string;
  title: string;
  text: string;
  photos: string[];
  location: GeoPoint | null;
  sectorId: string | null;
  /** Stored in full; the serializer masks it for everyone but the assigned handler. */
  phone: string | null;
  anonymous: boolean;
  submitterOpenid: string;
  source: ConcernSource;
  status: ConcernStatus;
  timeline: ConcernEvent[];
  createdAt: Date;
  updatedAt: Date;
  /*
   * The fields below came with the concerns issue; documents stored before it lack them, so
   * readers treat a missing one as empty.
   */
  /** Place named with the map pick, when given. */
  address?: string | null;
  sectorName?: string | null;
  /** source 'member': the member who recorded it face to face, and the person's consent noted. */
  recorder?: { userId: string; name: string } | null;
  /** Deadlines fixed from the unit's limits; `dueAt` is the one currently running (null once answered). */
  acceptDueAt?: Date | null;
  replyDueAt?: Date | null;
  dueAt?: Date | null;
  /** The accept deadline was counted in a year whose official arrangement was not yet entered. */
  provisional?: boolean;
  /**
   * The content check labelled the text as describing wrongdoing (违法犯罪, 欺诈) or was unsure:
   * stored, but staff review it (「需人工复核」) and it never appears where others than its
   * submitter and handlers can read it.
   */
  needsReview?: boolean;
  /** Image checks still owed a verdict, and the photos (of the concern or its reply) it flagged. */
  mediaChecks?: MediaCheck[];
  hiddenPhotos?: string[];
  /** When the retention job removed the personal data (phone, openid, photos, exact place). */
  deidentifiedAt?: Date | null;
  /** The request that removed the phone (concern.removePhone), or erased the person's data (concern.subjectErase). */
  phoneRemovedBy?: string;
  erasedBy?: string;
  assignee?: ConcernAssignee | null;
  /** openid of the member assigned, so "分派给我" and their checks need no extra lookup. */
  assigneeOpenid?: string | null;
  reply?: ConcernReply | null;
  firstRepliedAt?: Date | null;
  rating?: ConcernRating | null;
  reopenCount?: number;
  duplicateOf?: string | null;
  links?: ConcernLink[];
  /** What each consultation topic the concern fed has come to, by topic id (set when a result is recorded). */
  topicOutcomes?: Record<string, ConcernTopicOutcome>;
  /** 社情民意信息 drafted from it, by report id (written by the report function, issue 15). */
  reportLinks?: Record<string, ReportLinkOnConcern>;
  notes?: ConcernNote[];
  /** The unit's limits when it was submitted: a reopened concern's fresh reply window uses them. */
  limits?: ConcernLimits;
  /**
   * Something the submitter has not seen yet happened (a status change, a link): the in-app
   * notice, set in the same conditional change and cleared when they open the concern.
   */
  submitterUnread?: boolean;
  /**
   * The last change: which request made it and what it added to the counters, so a request that
   * died after the change can finish it without counting twice (server only).
   */
  lastChange?: {
    mark: string;
    from: ConcernStatus;
    delta: [string, number][];
    /** The fields the change set, as they were. */
    before?: [string, unknown][];
  } | null;
}

export const CONCERN_SOURCES = ['qr', 'share', 'home', 'member'] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

/**
 * Counts per bucket (a workstation, or a unit for concerns with none), kept exact in the same
 * operations that change a concern, so the staff queue never aggregates the unit's concerns.
 */
export interface ConcernCounter {
  /** `ws:<workstationId>` or `unit:<unitId>`. */
  _id: string;
  unitId: string;
  unitPath: string[];
  workstationId: string | null;
  workstationName: string | null;
  /** The unit's time limits, copied here so a submission reads them with the counter it bumps. */
  limits: ConcernLimits;
  counts: Partial<Record<ConcernStatus, number>>;
  /** Per quarter ("2026Q1"): collected, answered, answered on time, rating sum and count. */
  quarters: Record<string, Partial<QuarterFigures>>;
  /**
   * Per China month ("2026-11") and sector (its id, `_` for none): the quarter figures, and
   * collected per category as `c<index in CONCERN_CATEGORIES>`. The dashboard sums these, so it
   * reads a few documents per station whatever the number of concerns.
   */
  months?: Record<string, Record<string, Record<string, number>>>;
  /**
   * When the month slices were last counted from the concerns themselves (the housekeeping
   * backfill): absent on a counter made before slices existed, whose past months read zero until then.
   */
  monthsCountedAt?: Date;
  /** A backfill under way: concerns read so far (oldest first) and the slices they make. */
  monthsBackfill?: { read: number; months: Record<string, Record<string, Record<string, number>>> } | null;
  /**
   * Officially entered calendar years ("2027" → its days), copied here when an admin saves one, so a
   * submission counts working days with the read it already makes (no extra round trip).
   */
  calendar?: Record<string, YearDays>;
  /**
   * The concern categories of the unit's list (its own or the nearest ancestor's; absent: the
   * built-in CONCERN_CATEGORIES), copied here when an admin saves them, so a submission checks
   * the category with the read it already makes.
   */
  categories?: string[];
}

export interface QuarterFigures {
  collected: number;
  answered: number;
  onTime: number;
  ratingSum: number;
  ratingCount: number;
}

/**
 * A concern's 受理编号: the tail of its id, unique enough to find it. The citizen is given it on
 * the success screen and the detail, and staff see the same number in the queue and its exports.
 */
export const concernNo = (id: string) => id.slice(-6).toUpperCase();
