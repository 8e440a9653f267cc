/** The proposal function's actions: input schema (zod) and result type, by name. */
import { z } from '../zod';
import { LIMITS } from '../limits';
import type { Page } from '../contract';
import {
  ANSWER_CATEGORIES,
  NOT_FILED_DISPOSITIONS,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  RATINGS,
  type HandlingUnit,
  type Proposal,
  type ProposalKind,
  type ProposalSession,
  type ProposalStatus,
} from '../domain/proposal';
import { id, optionalText, pageInput, searchWords, sortBy, text } from './fields';

const chinaDate = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)), `${label}不是有效日期`);

/** A session as members and staff see it, with whether its window is open today. */
export interface SessionView extends Omit<ProposalSession, 'createdAt'> {
  open: boolean;
}

/** A row of a list: what a table or card shows. */
export interface ProposalRow {
  _id: string;
  title: string;
  kind: ProposalKind;
  status: ProposalStatus;
  sessionName: string;
  proposerName: string;
  sectorName: string | null;
  key: boolean;
  confirmedCosigners: number;
  dueOn: string | null;
  submittedAt: string | null;
  updatedAt: string;
  /** The caller's own part when it is an invitation to co-sign. */
  cosignStatus?: 'invited' | 'confirmed' | 'declined';
}

/** The whole proposal as the caller may see it: the proposer and co-signers never get internal notes. */
export type ProposalView = Omit<
  Proposal,
  'createdAt' | 'updatedAt' | 'submittedAt' | 'answeredAt' | 'proposerOpenid'
> & {
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  answeredAt: string | null;
  /** How the caller stands to it. */
  as: 'proposer' | 'cosigner' | 'staff' | 'handler';
};

export const proposalSessions = {
  input: z.object({}),
  result: {} as SessionView[],
};

export const proposalCreateSession = {
  input: z
    .object({
      name: text('会议名称', 4, 30),
      opensOn: chinaDate('开始日期'),
      closesOn: chinaDate('截止日期'),
    })
    .refine((v) => v.closesOn >= v.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] }),
  result: {} as { _id: string },
};

/** What the draft form needs: sessions, and the sectors and committees the member may speak for. */
export const proposalFormOptions = {
  input: z.object({}),
  result: {} as {
    sessions: SessionView[];
    sectors: { _id: string; name: string }[];
    committees: { _id: string; name: string }[];
  },
};

const draftFields = {
  sessionId: id('届次会议'),
  title: text('案由（标题）', LIMITS.proposalTitle),
  body: text('提案内容', LIMITS.proposalBody),
  groupName: optionalText('集体名称', 40),
};

export const proposalCreate = {
  input: z
    .object({
      ...draftFields,
      kind: z.enum(PROPOSAL_KINDS, { error: '请选择提案类型' }),
      sectorId: id('界别').optional(),
      committeeId: id('专委会').optional(),
    })
    .superRefine((v, c) => {
      if (v.kind === 'sector' && !v.sectorId)
        c.addIssue({ code: 'custom', path: ['sectorId'], message: '界别提案请选择界别' });
      if (v.kind === 'committee' && !v.committeeId)
        c.addIssue({ code: 'custom', path: ['committeeId'], message: '专委会提案请选择专委会' });
      if (v.kind === 'group' && !v.groupName)
        c.addIssue({ code: 'custom', path: ['groupName'], message: '集体提案请填写集体名称' });
    }),
  result: {} as { _id: string },
};

export const proposalUpdate = {
  input: z.object({ id: id('提案'), ...draftFields }),
  result: {} as { _id: string },
};

export const proposalSetCosigners = {
  input: z.object({
    id: id('提案'),
    memberIds: z.array(id('联名委员'), { error: '请选择联名委员' }).max(30, '联名委员最多 30 位'),
  }),
  result: {} as { invited: number },
};

export const proposalCosignerOptions = {
  input: z.object({ q: z.string({ error: '请输入姓名' }).trim().max(10, '姓名最多 10 个字').default('') }),
  result: {} as { _id: string; name: string; sectorName: string | null }[],
};

export const proposalLink = {
  input: z.object({
    id: id('提案'),
    kind: z.enum(['concern', 'liaison', 'report'], { error: '请选择关联的类型' }),
    refIds: z.array(id('关联记录'), { error: '请选择关联记录' }).min(1, '请选择关联记录').max(10, '一次最多关联 10 条'),
  }),
  result: {} as { linked: number },
};

export const proposalSourceOptions = {
  input: z.object({}),
  result: {} as {
    concerns: { _id: string; title: string }[];
    liaison: { _id: string; title: string }[];
    reports: { _id: string; title: string }[];
  },
};

export const proposalCosign = {
  input: z.object({ id: id('提案'), accept: z.boolean({ error: '请选择是否同意联名' }) }),
  result: {} as { status: 'confirmed' | 'declined' },
};

export const proposalSubmit = {
  input: z.object({ id: id('提案') }),
  result: {} as { status: ProposalStatus },
};

export const proposalMine = {
  input: z.object({}),
  result: {} as { own: ProposalRow[]; cosigning: ProposalRow[] },
};

export const proposalGet = {
  input: z.object({ id: id('提案') }),
  result: {} as ProposalView,
};

export const proposalList = {
  input: z.object({
    ...pageInput,
    sessionId: id('届次会议').optional(),
    kind: z.enum(PROPOSAL_KINDS, { error: '提案类型无效' }).optional(),
    status: z.enum(PROPOSAL_STATUSES, { error: '状态无效' }).optional(),
    /** Words of the title (案由). */
    q: searchWords,
    /** By submission time, newest first by default (unit_submitted, unit_session_submitted). */
    sort: sortBy('submittedAt'),
  }),
  result: {} as Page<ProposalRow>,
};

export const proposalPreReview = {
  input: z.object({
    id: id('提案'),
    handlingUnitId: id('预审部门'),
    opinion: text('预审意见', LIMITS.proposalReason),
  }),
  result: {} as { preReviews: number },
};

export const proposalReview = {
  input: z
    .object({
      id: id('提案'),
      decision: z.enum(['file', 'reject', 'merge'], { error: '请选择审查结论' }),
      note: optionalText('审查意见', LIMITS.proposalReason.max),
      reason: optionalText('不立案理由', LIMITS.proposalReason.max),
      disposition: z.enum(NOT_FILED_DISPOSITIONS, { error: '请选择如何处理' }).optional(),
      intoId: id('并入的提案').optional(),
    })
    .superRefine((v, c) => {
      if (v.decision === 'reject' && !v.reason)
        c.addIssue({ code: 'custom', path: ['reason'], message: '请填写不立案理由' });
      if (v.decision === 'merge' && !v.intoId)
        c.addIssue({ code: 'custom', path: ['intoId'], message: '请选择并入的提案' });
      if (v.decision === 'merge' && v.intoId === v.id)
        c.addIssue({ code: 'custom', path: ['intoId'], message: '不能并入提案本身' });
    }),
  result: {} as { status: ProposalStatus },
};

export const proposalSetKey = {
  input: z.object({ id: id('提案'), key: z.boolean({ error: '请选择是否为重点提案' }) }),
  result: {} as { key: boolean },
};

export const proposalAssign = {
  input: z.object({
    id: id('提案'),
    leadId: id('主办单位'),
    assistIds: z.array(id('协办单位'), { error: '协办单位无效' }).max(5, '协办单位最多 5 个').default([]),
    dueOn: chinaDate('办理期限'),
  }),
  result: {} as { status: ProposalStatus },
};

export const proposalDecideExtension = {
  input: z.object({ id: id('提案'), handlingUnitId: id('承办单位'), grant: z.boolean({ error: '请选择是否同意' }) }),
  result: {} as { dueOn: string },
};

export const proposalRate = {
  input: z.object({
    id: id('提案'),
    rating: z.enum(RATINGS, { error: '请选择评价' }),
    comment: optionalText('评价意见', 200),
  }),
  result: {} as { status: ProposalStatus },
};

export const proposalHandlingUnits = {
  input: z.object({}),
  result: {} as Pick<HandlingUnit, '_id' | 'name' | 'unitId'>[],
};

export const proposalSaveHandlingUnit = {
  input: z.object({ name: text('承办单位名称', 2, 30) }),
  result: {} as { _id: string },
};

export const proposalAssigned = {
  input: z.object({ ...pageInput }),
  result: {} as Page<ProposalRow & { mine: { role: 'lead' | 'assist'; status: string; dueOn: string } }>,
};

export const proposalGetAssigned = {
  input: z.object({ id: id('提案') }),
  result: {} as ProposalView,
};

export const proposalAcknowledge = {
  input: z.object({ id: id('提案') }),
  result: {} as { status: 'acknowledged' },
};

export const proposalReturn = {
  input: z.object({ id: id('提案'), reason: text('退回理由', LIMITS.proposalReason) }),
  result: {} as { status: ProposalStatus },
};

export const proposalRequestExtension = {
  input: z.object({
    id: id('提案'),
    days: z
      .number({ error: '请填写延期天数' })
      .int('延期天数应为整数')
      .min(1, '至少延期 1 天')
      .max(90, '最多延期 90 天'),
    reason: text('延期理由', LIMITS.proposalReason),
  }),
  result: {} as { status: 'asked' },
};

export const proposalAnswer = {
  input: z.object({
    id: id('提案'),
    category: z.enum(ANSWER_CATEGORIES, { error: '请选择答复类别' }),
    text: text('答复摘要', LIMITS.proposalReply),
    fileID: z.string({ error: '请上传答复函' }).min(1, '请上传答复函').max(300, '答复函无效'),
    fileName: text('答复函文件名', 1, 80),
  }),
  result: {} as { status: ProposalStatus },
};

export interface ProposalFigureRow {
  label: string;
  submitted: number;
  filed: number;
  /** 立案率, percent of decided submissions (filed / submitted), one decimal. */
  rate: number;
}

export const proposalFigures = {
  input: z.object({ sessionId: id('届次会议').optional(), year: z.number().int().min(2000).max(2100).optional() }),
  result: {} as {
    submitted: number;
    filed: number;
    rate: number;
    merged: number;
    key: number;
    answered: number;
    answeredOnTime: number;
    ratings: Record<'satisfied' | 'basically' | 'unsatisfied', number>;
    byKind: ProposalFigureRow[];
    bySector: ProposalFigureRow[];
    bySession: ProposalFigureRow[];
    /** Sectors with fewer than one sector proposal submitted this year. */
    sectorsWithout: { _id: string; name: string; count: number }[];
    /** Per member (for the assessment): proposals submitted as proposer and filed. */
    byMember: { memberId: string; name: string; submitted: number; filed: number }[];
  },
};

export const proposalExport = {
  input: z.object({ sessionId: id('届次会议').optional(), status: z.enum(PROPOSAL_STATUSES).optional() }),
  result: {} as { fileName: string; url: string; rows: number },
};

export const proposalExportDoc = {
  input: z.object({ id: id('提案') }),
  result: {} as { fileName: string; url: string },
};

export type ProposalFigures = (typeof proposalFigures)['result'];
