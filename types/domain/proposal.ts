/**
 * 提案 (PRODUCT.md §7, seed 003): a proposal drafted by a member (alone, for their sector as its
 * convener, for a special committee, or for a group), submitted in a session's window, reviewed
 * (立案 / 不立案 / 并案), handed to handling units (承办单位) who answer it, and rated by its proposer.
 */

export const PROPOSAL_KINDS = ['individual', 'sector', 'committee', 'group'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  individual: '个人提案',
  sector: '界别提案',
  committee: '专委会提案',
  group: '集体提案',
};

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'filed',
  'not_filed',
  'merged',
  'assigned',
  'answered',
  'rehandling',
  'closed',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: '草稿',
  submitted: '待审查',
  filed: '已立案',
  not_filed: '不予立案',
  merged: '已并案',
  assigned: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  closed: '已办结',
};

/** What moves a proposal from one status to another (the state machine's alphabet). */
export const PROPOSAL_ACTIONS = [
  'submit',
  'file',
  'reject',
  'merge',
  'assign',
  'unassign',
  'answer',
  'rate',
  'rateBad',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** What a proposal that is not filed may become instead (recorded, seed 003). */
export const NOT_FILED_DISPOSITIONS = ['none', 'report', 'letter'] as const;
export type NotFiledDisposition = (typeof NOT_FILED_DISPOSITIONS)[number];
export const NOT_FILED_DISPOSITION_LABELS: Record<NotFiledDisposition, string> = {
  none: '不作转办',
  report: '转为社情民意信息',
  letter: '转为委员来信（意见建议）',
};

export const ANSWER_CATEGORIES = ['A', 'B', 'C'] as const;
export type AnswerCategory = (typeof ANSWER_CATEGORIES)[number];
export const ANSWER_CATEGORY_LABELS: Record<AnswerCategory, string> = {
  A: 'A 类：所提问题已经解决或采纳',
  B: 'B 类：正在解决或列入计划',
  C: 'C 类：因条件限制留作参考',
};

export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type ProposalRating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<ProposalRating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};

/** 十三届一次会议: the window in which proposals of a session are submitted (collection proposal_sessions). */
export interface ProposalSession {
  _id: string;
  unitId: string;
  unitPath: string[];
  name: string;
  /** China dates YYYY-MM-DD, both days included. */
  opensOn: string;
  closesOn: string;
  createdBy: string;
  createdAt: Date;
}

/** A government department or other body that handles proposals (collection handling_units). */
export interface HandlingUnit {
  _id: string;
  /** The CPPCC unit that hands proposals to it. */
  unitId: string;
  unitPath: string[];
  name: string;
  createdAt: Date;
}

export interface Cosigner {
  userId: string;
  openid: string | null;
  name: string;
  /** Invited in the app; only a confirmed co-signer counts. */
  status: 'invited' | 'confirmed' | 'declined';
  at: Date | null;
}

export interface ProposalSource {
  kind: 'concern' | 'liaison' | 'report';
  id: string;
  title: string;
}

export interface PreReview {
  handlingUnitId: string;
  name: string;
  opinion: string;
  at: Date;
  by: string;
}

export interface AssignmentReply {
  category: AnswerCategory;
  text: string;
  fileID: string;
  fileName: string;
  at: Date;
  by: string;
  byName: string;
}

/** One handling unit's part of a 交办: 主办 (lead) or 协办 (assist). */
export interface Assignment {
  handlingUnitId: string;
  name: string;
  role: 'lead' | 'assist';
  status: 'pending' | 'acknowledged' | 'returned' | 'answered';
  dueOn: string;
  acknowledgedAt: Date | null;
  returnReason: string | null;
  extension: { days: number; reason: string; status: 'asked' | 'granted' | 'refused'; at: Date } | null;
  replies: AssignmentReply[];
  /** Reminded as overdue on this China date (the daily 督办 timer says it once a day). */
  remindedOn: string | null;
}

export interface ProposalEvent {
  at: Date;
  by: string;
  byName: string;
  action: string;
  note?: string;
  /** Internal (pre-review opinions, staff notes): kept from the proposer's timeline. */
  internal?: boolean;
}

export interface Proposal {
  _id: string;
  sessionId: string;
  sessionName: string;
  unitId: string;
  unitPath: string[];
  kind: ProposalKind;
  title: string;
  /** 案由 and 办法 in one text: the reasons and what is proposed. */
  body: string;
  proposerId: string;
  proposerOpenid: string;
  proposerName: string;
  /** The sector a sector proposal speaks for (its convener submits it), or the proposer's sector. */
  sectorId: string | null;
  sectorName: string | null;
  committeeId: string | null;
  committeeName: string | null;
  /** A group proposal's name (e.g. 民盟会宁县委员会). */
  groupName: string | null;
  cosigners: Cosigner[];
  /** Openids of the co-signers, for their "邀请我联名" list (multikey index). */
  cosignerOpenids: string[];
  sources: ProposalSource[];
  status: ProposalStatus;
  submittedAt: Date | null;
  /** Year (China) of submission, for "each sector 1–2 a year". */
  year: number | null;
  reviewNote: string | null;
  /** `reportId`: the 社情民意信息 draft made for the proposer when it is turned into one. */
  notFiled: { reason: string; disposition: NotFiledDisposition; reportId?: string } | null;
  mergedInto: { id: string; title: string } | null;
  mergedFrom: { id: string; title: string; proposerName: string }[];
  preReviews: PreReview[];
  key: boolean;
  assignments: Assignment[];
  /** Handling unit ids of live assignments (multikey index: a unit's list). */
  handlingUnitIds: string[];
  dueOn: string | null;
  answeredAt: Date | null;
  answeredOnTime: boolean | null;
  ratings: { rating: ProposalRating; comment: string; at: Date }[];
  rehandled: boolean;
  events: ProposalEvent[];
  /** The request that made the last guarded change (server only): its retry after a crash knows it as its own. */
  lastMark?: string;
  createdAt: Date;
  updatedAt: Date;
}
