/** The topic function's actions: input schema (zod) and result type, by name. */
import { z } from '../zod';
import type { Page } from '../contract';
import {
  TOPIC_FORMS,
  TOPIC_SOURCES,
  TOPIC_STEPS,
  type TopicForm,
  type TopicSource,
  type TopicStep,
  type TopicAction,
} from '../domain/topic';
import { id, optionalText, pageInput, searchWords, sortBy, text } from './fields';

const day = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}格式不正确`);

const ids = (label: string, min: number, max: number) =>
  z
    .array(id(label), { error: `${label}格式不正确` })
    .min(min, `请选择${label}`)
    .max(max, `${label}最多选 ${max} 个`);

const topicId = () => id('议题');
const itemNo = z.number({ error: '清单序号无效' }).int('清单序号无效').min(1, '清单序号无效').max(99, '清单序号无效');

/** What a topic is about, as staff or a member write it. */
const about = {
  title: text('议题名称', 4, 60),
  background: text('议题背景', 10, 2000),
  form: z.enum(TOPIC_FORMS, { error: '请选择协商形式' }),
  sectorIds: ids('界别', 0, 20).default([]),
  workstationIds: ids('工作站', 0, 20).default([]),
};

export const topicCreate = {
  input: z.object({
    ...about,
    source: z.enum(TOPIC_SOURCES, { error: '请选择议题来源' }),
    /** People responsible besides the creator (user ids in the unit). */
    responsibleIds: ids('负责人', 0, 10).default([]),
  }),
  result: {} as { _id: string },
};

/** 群众出题: staff raise a topic from concerns in their queue (one or many). */
export const topicRaiseFromConcerns = {
  input: z.object({
    ...about,
    concernIds: ids('诉求', 1, 50),
  }),
  result: {} as { _id: string; linked: number },
};

/** 委员荐题: a member proposes a topic from their own liaison records. */
export const topicPropose = {
  input: z.object({
    ...about,
    liaisonRecordIds: ids('联系记录', 1, 10),
  }),
  result: {} as { _id: string },
};

export interface TopicListItem {
  _id: string;
  title: string;
  source: TopicSource;
  form: TopicForm;
  step: TopicStep;
  unitId: string;
  items: number;
  withResult: number;
  overdue: number;
  concerns: number;
  closed: boolean;
  createdAt: string;
  updatedAt: string;
}

export const topicList = {
  input: z.object({
    ...pageInput,
    step: z.enum(TOPIC_STEPS, { error: '步骤无效' }).optional(),
    source: z.enum(TOPIC_SOURCES, { error: '来源无效' }).optional(),
    /** Words of the title. */
    q: searchWords,
    /** By creation time, newest first by default (unit_created). */
    sort: sortBy('createdAt'),
  }),
  result: {} as Page<TopicListItem>,
};

export interface TopicItemView {
  no: number;
  suggestion: string;
  department: string;
  owner: string;
  deadline: string;
  outcome: string;
  decidedBy: string;
  progress: { text: string; at: string; byName: string }[];
  result: string;
  resultAt: string;
  overdue: boolean;
}

export interface TopicRecordView {
  step: TopicStep;
  kind: string;
  text: string;
  byName: string;
  at: string;
  attachments: { fileId: string; name: string; kind: 'pdf' | 'image'; url: string }[];
}

export interface TopicView {
  _id: string;
  title: string;
  background: string;
  source: TopicSource;
  form: TopicForm;
  step: TopicStep;
  unitId: string;
  sectors: { _id: string; name: string }[];
  workstations: { _id: string; name: string }[];
  responsible: { userId: string; name: string }[];
  records: TopicRecordView[];
  screening: { may: string[]; mayNot: string[]; at: string; byName: string } | null;
  confirmation: { body: string; date: string; byName: string; at: string } | null;
  items: TopicItemView[];
  concerns: { concernId: string; title: string; workstationName: string }[];
  liaisonRecordIds: string[];
  publishedAt: string;
  closedAt: string;
  createdAt: string;
  /** What the caller may do now, from the state machine. */
  can: Record<TopicAction, boolean>;
}

export const topicGet = {
  input: z.object({ id: topicId() }),
  result: {} as TopicView,
};

const attachments = z
  .array(
    z.object({
      fileId: z.string({ error: '附件无效' }).min(1, '附件无效').max(512, '附件无效'),
      name: text('附件名称', 1, 80),
      kind: z.enum(['pdf', 'image'], { error: '附件只支持 PDF 和图片' }),
    }),
    { error: '附件无效' },
  )
  .max(9, '附件最多 9 个')
  .default([]);

export const topicRecord = {
  input: z.object({ id: topicId(), text: text('工作记录', 2, 2000), attachments }),
  result: {} as { records: number },
};

export const topicAdvance = {
  input: z.object({ id: topicId(), text: optionalText('说明', 500) }),
  result: {} as { step: TopicStep },
};

export const topicBack = {
  input: z.object({ id: topicId(), reason: text('退回原因', 4, 500) }),
  result: {} as { step: TopicStep },
};

export const topicScreen = {
  input: z.object({
    id: topicId(),
    may: z
      .array(text('可协商事项', 1, 100))
      .max(30, '事项过多')
      .default([]),
    mayNot: z
      .array(text('不可协商事项', 1, 100))
      .max(30, '事项过多')
      .default([]),
  }),
  result: {} as { blocked: boolean },
};

export const topicConfirm = {
  input: z.object({
    id: topicId(),
    body: text('确定议题的组织', 4, 100),
    date: day('确定日期'),
  }),
  result: {} as { step: TopicStep },
};

export const topicSuggest = {
  input: z.object({
    id: topicId(),
    suggestions: z
      .array(text('协商建议', 4, 500), { error: '协商建议无效' })
      .min(1, '请至少填写一条协商建议')
      .max(30, '协商建议最多 30 条'),
  }),
  result: {} as { items: number },
};

export const topicAssign = {
  input: z.object({
    id: topicId(),
    no: itemNo,
    department: text('责任单位', 2, 60),
    owner: text('责任人', 2, 40),
    deadline: day('完成时限'),
    outcome: text('预期成效', 4, 200),
    decidedBy: text('决定机构', 2, 100),
  }),
  result: {} as { assigned: number },
};

export const topicProgress = {
  input: z.object({ id: topicId(), no: itemNo, text: text('进展', 4, 500) }),
  result: {} as { progress: number },
};

export const topicResult = {
  input: z.object({ id: topicId(), no: itemNo, text: text('办理结果', 4, 1000) }),
  result: {} as { withResult: number; closed: boolean; told: number },
};

export const topicScreeningLists = {
  input: z.object({}),
  result: {} as { may: string[]; mayNot: string[]; custom: boolean },
};

export const topicSaveScreeningLists = {
  input: z.object({
    may: z
      .array(text('可协商事项', 2, 100))
      .min(1, '请至少保留一项可协商事项')
      .max(30, '可协商事项最多 30 项'),
    mayNot: z
      .array(text('不可协商事项', 2, 100))
      .min(1, '请至少保留一项不可协商事项')
      .max(30, '不可协商事项最多 30 项'),
  }),
  result: {} as { may: number; mayNot: number },
};

export interface TopicFigures {
  from: string;
  to: string;
  topics: number;
  bySource: Record<TopicSource, number>;
  byForm: Record<TopicForm, number>;
  /** Topics that held their 协商议事 (reached the step after it). */
  consultations: number;
  /** People who took part, once per topic (TOPIC_PARTICIPATION_RULE). */
  participations: number;
  suggestions: number;
  assigned: number;
  withResult: number;
  onTime: number;
  /** Topics closed with every item resolved. */
  solved: number;
}

const period = {
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
};

export const topicFigures = {
  input: z.object(period),
  result: {} as TopicFigures,
};

export const topicExport = {
  input: z.object(period),
  result: {} as { fileName: string; url: string; rows: number },
};

/** A published topic as anyone sees it: no names of people, only published steps. */
export interface TopicPublicView {
  _id: string;
  title: string;
  background: string;
  source: TopicSource;
  form: TopicForm;
  step: TopicStep;
  workstations: { _id: string; name: string }[];
  steps: { step: TopicStep; at: string; text: string }[];
  items: { no: number; suggestion: string; department: string; deadline: string; result: string; done: boolean }[];
  closed: boolean;
  publishedAt: string;
}

export const topicPublicGet = {
  input: z.object({ id: topicId() }),
  result: {} as TopicPublicView,
};

export interface TopicCallView {
  _id: string;
  title: string;
  intro: string;
  closesAt: string;
  proposals: number;
  open: boolean;
}

export const topicPublicList = {
  input: z.object({ workstationId: id('工作站') }),
  result: {} as {
    items: { _id: string; title: string; step: TopicStep; closed: boolean; publishedAt: string }[];
    /** The station's unit's open calls for topics (公开征题). */
    calls: TopicCallView[];
  },
};

/** 公开征题: staff open a call for topics to the public of their unit until a day. */
export const topicOpenCall = {
  input: z.object({
    title: text('征题主题', 4, 60),
    intro: text('征题说明', 10, 1000),
    closesOn: day('截止日期'),
  }),
  result: {} as { _id: string },
};

export const topicGetCall = {
  input: z.object({ id: id('征题') }),
  result: {} as {
    call: TopicCallView;
    /** Most backed first (at most 50); nobody's name. */
    proposals: {
      _id: string;
      title: string;
      text: string;
      backers: number;
      backedByMe: boolean;
      mine: boolean;
      /** Staff made it a topic (its title); null until then. */
      topic: string | null;
    }[];
  },
};

/** 转为议题: staff make a citizen's proposal to a call a topic (公开征题) in one step. */
export const topicAdoptProposal = {
  input: z.object({ id: id('议题建议'), form: z.enum(TOPIC_FORMS, { error: '请选择协商形式' }).default('micro') }),
  result: {} as { _id: string },
};

export const topicProposeToCall = {
  input: z.object({ id: id('征题'), title: text('议题', 4, 40), text: text('说明', 10, 500) }),
  result: {} as { _id: string; needsReview: boolean },
};

export const topicBackProposal = {
  input: z.object({ id: id('议题建议') }),
  result: {} as { backers: number },
};

/** 一类事: concerns at several stations that describe the same problem, proposed as one topic. */
export interface TopicClusterSuggestion {
  /** Names this set of concerns (a new concern joining makes a new suggestion). */
  key: string;
  category: string;
  concerns: { _id: string; title: string; workstationName: string; createdAt: string }[];
  stations: string[];
  /** How many different people raised them. */
  people: number;
  from: string;
  to: string;
}

export const topicClusters = {
  input: z.object({
    days: z.number({ error: '天数无效' }).int('天数无效').min(7, '至少 7 天').max(365, '最多 365 天').default(90),
  }),
  result: {} as { suggestions: TopicClusterSuggestion[]; scanned: number },
};

export const topicDismissCluster = {
  input: z.object({ key: z.string({ error: '建议无效' }).regex(/^[0-9a-f]{16,40}$/, '建议无效') }),
  result: {} as { dismissed: boolean },
};
