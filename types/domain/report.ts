/**
 * 社情民意信息 (PRODUCT.md §7, issue 15): a report a member or staff drafts from concerns and
 * liaison records, in the official layout, sent to their unit's information desk and from there up
 * the tree (county → city → province → national), each level deciding: 采用, 不采用, or 上报.
 */
import type { OrgLevel } from './org';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'adopted', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  adopted: '已采用',
  rejected: '不采用',
};

/** What may happen to a report: the author edits and submits; the desk holding it decides. */
export const REPORT_ACTIONS = ['edit', 'submit', 'return', 'forward', 'adopt', 'reject', 'instruct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export const REPORT_ACTION_LABELS: Record<ReportAction, string> = {
  edit: '编辑',
  submit: '报送',
  return: '退回修改',
  forward: '上报',
  adopt: '采用',
  reject: '不采用',
  instruct: '批示',
};

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  national: '全国',
  province: '省级',
  city: '市级',
  county: '县级',
};

/** The official layout's parts, in order (the .docx and the form follow it). */
export interface ReportBody {
  title: string;
  /** 基本情况 */
  situation: string;
  /** 存在问题 */
  problems: string;
  /** 意见建议 */
  suggestions: string;
  /** 反映人/单位 */
  reporter: string;
}

/** One level's decision, or a return to the author, as the report's history keeps it. */
export interface ReportDecision {
  at: Date;
  action: 'submit' | 'return' | 'forward' | 'adopt' | 'reject';
  unitId: string;
  /** Empty on the author's own submission (their call reads no unit): views name it from unitId. */
  unitName: string;
  level: OrgLevel | null;
  byName: string;
  /** 退回 comments (the author sees them), 不采用's reason, 上报's note. */
  note?: string;
  /** 采用: which publication and issue, e.g. 《社情民意》第 12 期. */
  publication?: string;
  issue?: string;
}

/** A leader's written instruction (批示): level and position; the name only if the unit chooses. */
export interface ReportInstruction {
  at: Date;
  level: OrgLevel;
  unitName: string;
  position: string;
  leaderName: string | null;
  /** The day it was given, YYYY-MM-DD (China). */
  date: string;
  text: string;
}

export interface Report extends ReportBody {
  _id: string;
  status: ReportStatus;
  /** The author: a member (their unit) or staff (the unit they act in). */
  authorId: string;
  authorOpenid: string;
  authorName: string;
  sectorId: string | null;
  /** The author's unit and its path (ancestors + itself): where it starts. Names are read for views. */
  unitId: string;
  unitPath: string[];
  /** The desk that holds it now (the author's unit until it is forwarded). */
  atUnitId: string;
  atUnitPath: string[];
  concernIds: string[];
  liaisonIds: string[];
  /** Openids of the linked concerns' submitters (told of adoption and 批示). */
  submitterOpenids: string[];
  decisions: ReportDecision[];
  instructions: ReportInstruction[];
  /** Levels that adopted it; the highest is the headline. */
  adoptedLevels: OrgLevel[];
  /** The proposal it came from (不立案, turned into a report): the proposal keeps `notFiled.reportId`. */
  fromProposal?: { id: string; title: string } | null;
  /** Proposals drafted from it, by proposal id (each proposal keeps it among its sources). */
  proposalLinks?: Record<string, { title: string; at: Date }>;
  /** China year of its first submission (figures); null while never submitted. */
  year: number | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

/** A report as the concerns it came from keep it (concern.reportLinks, by report id). */
export interface ReportLinkOnConcern {
  stage: ReportStatus;
  title: string;
  instructed: boolean;
  at: Date;
}

/** What a linked concern's submitter may know: the phrase and the status, nothing else. */
export const REPORT_CITIZEN_STAGE: Record<ReportStatus, string | null> = {
  draft: null,
  submitted: '已报送',
  returned: '整理中',
  adopted: '已采用',
  rejected: '未采用',
};
