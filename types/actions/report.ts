/** The report function's actions (社情民意信息): input schema (zod) and result type, by name. */
import { z } from '../zod';
import type { Page } from '../contract';
import type { OrgLevel } from '../domain/org';
import { REPORT_STATUSES, type ReportAction, type ReportStatus } from '../domain/report';
import { LIMITS } from '../limits';
import { id, optionalText, pageInput, searchWords, sortBy, text } from './fields';

const ids = (label: string, max: number) =>
  z
    .array(id(label), { error: `${label}格式不正确` })
    .max(max, `${label}最多选 ${max} 条`)
    .default([]);
const year = z.number({ error: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效');
const day = (label: string) =>
  z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-01-31`);

/** What a member or staff may draft from: concerns they handle and liaison records they may see. */
export const reportSources = {
  input: z.object({}),
  result: {} as {
    concerns: { _id: string; title: string; status: string; createdAt: string }[];
    records: { _id: string; date: string; place: string; summary: string }[];
  },
};

/** A draft prefilled from the chosen concerns and liaison records, citizens' personal data removed. */
export const reportCreate = {
  input: z
    .object({
      concernIds: ids('诉求', 10),
      liaisonIds: ids('联系记录', 10),
    })
    .refine((v) => v.concernIds.length + v.liaisonIds.length > 0, {
      message: '请至少选择一条诉求或联系记录',
      path: ['concernIds'],
    }),
  result: {} as { _id: string },
};

export const reportBodyInput = {
  title: text('标题', LIMITS.reportTitle),
  situation: text('基本情况', LIMITS.reportSection),
  problems: text('存在问题', LIMITS.reportSection),
  suggestions: text('意见建议', LIMITS.reportSection),
  reporter: text('反映人/单位', LIMITS.reportReporter),
};

/** The author edits a draft or a returned report; the desk holding it edits before deciding. */
export const reportSave = {
  input: z.object({ id: id('社情民意信息'), ...reportBodyInput }),
  result: {} as { status: ReportStatus },
};

export const reportSubmit = {
  input: z.object({ id: id('社情民意信息') }),
  result: {} as { status: ReportStatus },
};

/** The desk's decision: 退回 with comments, 上报 to the level above, 采用 (where published), 不采用 (why). */
export const reportDecide = {
  input: z
    .object({
      id: id('社情民意信息'),
      action: z.enum(['return', 'forward', 'adopt', 'reject'], { error: '请选择处理方式' }),
      note: optionalText('意见', LIMITS.reportNote),
      publication: optionalText('刊物', 30),
      issue: optionalText('期号', 20),
    })
    .superRefine((v, c) => {
      if (v.action === 'return' && (v.note ?? '').length < 2)
        c.addIssue({ code: 'custom', path: ['note'], message: '请填写退回修改意见' });
      if (v.action === 'reject' && (v.note ?? '').length < 2)
        c.addIssue({ code: 'custom', path: ['note'], message: '请填写不采用的理由' });
      if (v.action === 'adopt' && !v.publication)
        c.addIssue({ code: 'custom', path: ['publication'], message: '请填写采用刊物，如《社情民意》' });
      if (v.action === 'adopt' && !v.issue)
        c.addIssue({ code: 'custom', path: ['issue'], message: '请填写期号，如第 12 期' });
    }),
  result: {} as { status: ReportStatus; atUnitName: string },
};

/** A leader's 批示 on an adopted report: position always, the name only when the unit chooses to. */
export const reportInstruct = {
  input: z.object({
    id: id('社情民意信息'),
    position: text('批示领导职务', 2, 30),
    leaderName: optionalText('领导姓名', 20),
    date: day('批示日期'),
    text: text('批示内容', 2, 500),
  }),
  result: {} as { instructions: number },
};

export const reportGet = {
  input: z.object({ id: id('社情民意信息') }),
  result: {} as ReportView,
};

export const reportListMine = {
  input: z.object({ ...pageInput }),
  result: {} as Page<ReportListItem>,
};

/** 待本级处理 (at the caller's desk, awaiting a decision) or everything from the caller's subtree. */
export const REPORT_BOXES = ['pending', 'all'] as const;
export const reportListFilters = {
  box: z.enum(REPORT_BOXES, { error: '列表无效' }).default('pending'),
  status: z.enum(REPORT_STATUSES, { error: '状态无效' }).optional(),
  year: year.optional(),
  /** Words of the title. */
  q: searchWords,
};

export const reportList = {
  /** sort: by the last change, newest first by default (each staff index ends in updatedAt). */
  input: z.object({ ...reportListFilters, ...pageInput, sort: sortBy('updatedAt') }),
  result: {} as Page<ReportListItem>,
};

export const reportFigures = {
  input: z.object({ year }),
  result: {} as ReportFigures,
};

export const reportExport = {
  input: z.object({ id: id('社情民意信息') }),
  result: {} as { fileName: string; url: string },
};

export const reportExportList = {
  input: z.object({ ...reportListFilters }),
  result: {} as { fileName: string; url: string; rows: number },
};

export interface ReportListItem {
  _id: string;
  title: string;
  status: ReportStatus;
  authorName: string;
  unitName: string;
  atUnitName: string;
  /** The highest level that adopted it, and where ('市级 《社情民意》第 3 期'). */
  adopted: string;
  instructed: boolean;
  updatedAt: string;
  submittedAt: string | null;
}

export interface ReportView {
  _id: string;
  title: string;
  situation: string;
  problems: string;
  suggestions: string;
  reporter: string;
  status: ReportStatus;
  authorName: string;
  unitName: string;
  atUnitName: string;
  atLevel: OrgLevel | null;
  concerns: { _id: string; title: string }[];
  records: { _id: string; date: string; place: string }[];
  /** The proposal it was turned from (不立案), and the proposals drafted from it. */
  fromProposal: { _id: string; title: string } | null;
  proposals: { _id: string; title: string }[];
  decisions: {
    at: string;
    action: string;
    label: string;
    unitName: string;
    byName: string;
    note: string;
    publication: string;
    issue: string;
  }[];
  instructions: {
    at: string;
    level: string;
    unitName: string;
    position: string;
    leaderName: string;
    date: string;
    text: string;
  }[];
  /** What the caller may do now (the buttons). */
  can: Partial<Record<ReportAction, boolean>>;
  mine: boolean;
  createdAt: string;
}

export interface ReportFigureRow {
  key: string;
  name: string;
  submitted: number;
  adopted: number;
  instructed: number;
}

export interface ReportFigures {
  year: number;
  submitted: number;
  adopted: number;
  adoptedByLevel: Record<OrgLevel, number>;
  instructed: number;
  byMember: ReportFigureRow[];
  bySector: ReportFigureRow[];
  byUnit: ReportFigureRow[];
}
