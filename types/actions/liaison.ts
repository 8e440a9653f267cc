import { z } from '../zod';
import type { Page } from '../contract';
import { MAX_CONCERN_PHOTOS } from '../domain/concern';
import type { AssessmentResult } from '../domain/assessment';
import type { Term } from '../domain/terms';
import {
  LIAISON_CHANNELS,
  type LiaisonBase,
  type LiaisonChannel,
  type LiaisonContact,
  type LiaisonGridEntry,
  type LiaisonPairing,
  type LiaisonQuota,
} from '../domain/liaison';
import { LIMITS } from '../limits';
import { concernsOnBehalf, id, listChoice, optionalText, pageInput, phone, searchWords, sortBy, text } from './fields';

const day = (label: string) =>
  z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-01-31`);
const clock = z.string({ error: '请选择时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 09:30');
const words = (label: string, max: number) =>
  z
    .array(
      z
        .string({ error: `${label}无效` })
        .trim()
        .min(1, `${label}不能为空`)
        .max(20, `每项${label}不超过 20 个字`),
      { error: `${label}无效` },
    )
    .max(max, `${label}最多 ${max} 项`)
    .default([]);
const channel = z.enum(LIAISON_CHANNELS, { error: '请选择联系渠道' });
const occasion = listChoice('“八必访”时机');
const year = z.number({ error: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效');
const quarter = z.number({ error: '季度无效' }).int('季度无效').min(1, '季度应为 1–4').max(4, '季度应为 1–4');

/** The most person-times one activity may claim: a large lecture, not a typo with extra zeros. */
export const MAX_PERSON_TIMES = 2000;
/** How far back a record may be logged. */
export const LIAISON_BACKDATE_DAYS = 366;

/** A record as the client sees it (dates as ISO text, photos as temporary links). */
export interface LiaisonRecordView {
  _id: string;
  memberId: string;
  memberName: string;
  sectorName: string;
  date: string;
  channel: LiaisonChannel;
  /** A built-in occasion's key, or a unit's own occasion as worded (occasionLabel shows both). */
  occasion: string | null;
  place: string;
  groups: string[];
  personTimes: number;
  services: string[];
  summary: string;
  photos: { fileID: string; url: string }[];
  contactNames: string[];
  pairingId: string | null;
  pairingName: string;
  concernIds: string[];
  /** The 社情民意信息 (once submitted) and filed proposals it fed. */
  fed: { kind: 'report' | 'proposal'; _id: string; title: string }[];
}

/** Progress against the quotas for one member. */
export interface LiaisonProgress {
  quarterActivities: number;
  quarterPersonTimes: number;
  yearActivities: number;
  yearPersonTimes: number;
  /** What is missing, e.g. '本季度尚无联系活动'; empty when on track. */
  shortfalls: string[];
}

export interface LiaisonPeriod {
  year: number;
  quarter: number;
}

const period = { year: year.optional(), quarter: quarter.optional() };

export const liaisonLog = {
  input: z.object({
    date: day('日期'),
    time: clock.default('09:00'),
    channel,
    occasion: occasion.nullable().default(null),
    place: text('联系地点或单位', LIMITS.liaisonPlace),
    groups: words('联系人群', 8),
    personTimes: z
      .number({ error: '请填写联系人次' })
      .int('联系人次应为整数')
      .min(1, '联系人次至少为 1')
      .max(MAX_PERSON_TIMES, `联系人次不能超过 ${MAX_PERSON_TIMES}，请核对`),
    services: words('开展的服务', 8),
    summary: text('情况摘要', LIMITS.liaisonSummary),
    photos: z
      .array(z.string({ error: '照片无效' }).min(1, '照片无效').max(512, '照片无效'), { error: '照片无效' })
      .max(MAX_CONCERN_PHOTOS, `照片最多 ${MAX_CONCERN_PHOTOS} 张`)
      .default([]),
    contactIds: z.array(id('联系人'), { error: '联系人无效' }).max(20, '一次最多选 20 位联系人').default([]),
    pairingId: id('结对对象').nullable().default(null),
    concerns: concernsOnBehalf(3, '一条记录最多转 3 条诉求'),
  }),
  result: {} as { _id: string; concernIds: string[] },
};

export const liaisonMine = {
  input: z.object({ ...pageInput, pairingId: id('结对对象').optional() }),
  result: {} as Page<LiaisonRecordView>,
};

/** What the record form starts from: the member's set-up and what they used recently. */
export const liaisonFormOptions = {
  input: z.object({}),
  result: {} as {
    base: LiaisonBase | null;
    contacts: LiaisonContact[];
    pairings: LiaisonPairing[];
    /** Places of recent records, most recent first, without repeats. */
    recentPlaces: string[];
    /** Contact ids of recent records, most recent first. */
    recentContactIds: string[];
    lastChannel: LiaisonChannel | null;
    /** The member's unit's lists (issue 17): 八必访 occasions (value sent back) and concern categories. */
    occasions: { value: string; label: string }[];
    categories: string[];
  },
};

export const liaisonSaveContact = {
  input: z.object({
    id: id('联系人').optional(),
    name: text('姓名', 1, 20),
    unit: optionalText('工作单位', 40).default(''),
    occupation: optionalText('职业', 20).default(''),
    phone: phone.nullable().default(null),
    tags: words('标签', 5),
  }),
  /** A contact is an item of the member's profile, stored with `id` (not a document of its own). */
  result: {} as { id: string },
};

export const liaisonRemoveContact = {
  input: z.object({ id: id('联系人') }),
  result: {} as { removed: boolean },
};

export const liaisonSaveBase = {
  input: z.object({
    name: text('联系点名称', 2, 40),
    kind: text('类型', 1, 10),
    address: optionalText('地址', 80).default(''),
  }),
  result: {} as { saved: true },
};

export const liaisonSavePairing = {
  input: z.object({
    id: id('结对对象').optional(),
    name: text('结对对象', 2, 40),
    kind: z.enum(['family', 'unit'], { error: '请选择结对类型' }),
    note: optionalText('帮扶内容', 200).default(''),
    since: day('结对日期'),
  }),
  /** A pairing is an item of the member's profile, stored with `id` (not a document of its own). */
  result: {} as { id: string },
};

export const liaisonRemovePairing = {
  input: z.object({ id: id('结对对象') }),
  result: {} as { removed: boolean },
};

/** 成绩单: one quarter and its year against the quotas, with duty beside them. */
export const liaisonScorecard = {
  input: z.object(period),
  result: {} as LiaisonPeriod & {
    quota: LiaisonQuota;
    progress: LiaisonProgress;
    /** Activities, person-times and concerns answered per quarter of the year, for the chart. */
    quarters: { quarter: number; activities: number; personTimes: number; concernsAnswered: number }[];
    duty: { attended: number; late: number; absent: number; leave: number };
    /** Concerns assigned to the member first replied to in the quarter, and in the year up to it. */
    concernsAnswered: { quarter: number; year: number };
    /** 协商议题: consultation meetings signed in to and research tasks done, in the quarter and the year up to it. */
    topics: { meetings: { quarter: number; year: number }; research: { quarter: number; year: number } };
    /** Whether the chosen quarter is still running. */
    current: boolean;
    /** The member's score and rank in their sector, once staff have frozen the quarter (履职考核). */
    assessment: ScorecardAssessment | null;
  },
};

export type ScorecardAssessment = Pick<
  AssessmentResult,
  'year' | 'quarter' | 'score' | 'rule' | 'sectorName' | 'sectorRank' | 'sectorSize'
>;

/** 网格化联系: the members a director or convener liaises with, and their progress. */
export const liaisonGrid = {
  input: z.object(period),
  result: {} as LiaisonPeriod & {
    quota: LiaisonQuota;
    groups: (Pick<LiaisonGridEntry, '_id' | 'kind' | 'groupName'> & {
      members: ({ userId: string; name: string; sectorName: string; behind: boolean } & LiaisonProgress)[];
    })[];
  },
};

export const liaisonRemind = {
  input: z.object({
    /** Whom to remind; none means everyone behind in the caller's groups. */
    memberIds: z.array(id('委员'), { error: '委员无效' }).max(100, '一次最多提醒 100 位').default([]),
  }),
  result: {} as { reminded: number; pushed: number },
};

/** A 网格化联系 group as staff manage it (no openids). */
export type LiaisonGridGroupView = Pick<
  LiaisonGridEntry,
  '_id' | 'kind' | 'groupId' | 'groupName' | 'unitId' | 'leaderId' | 'leaderName'
> & { members: { userId: string; name: string; sectorName: string }[] };

const gridKind = z.enum(['committee', 'sector'], { error: '请选择联系类型' });

/** Staff: the director and convener groups of their unit subtree. */
export const liaisonGridGroups = {
  input: z.object({ ...pageInput }),
  result: {} as Page<LiaisonGridGroupView>,
};

/** Staff: the special committees and sectors of their subtree a group can be made for. */
export const liaisonGridOptions = {
  input: z.object({}),
  result: {} as {
    groups: { kind: LiaisonGridEntry['kind']; _id: string; name: string; unitId: string; unitName: string }[];
  },
};

/** Staff: members join a director's or convener's group (made on first use). */
export const liaisonGridAdd = {
  input: z.object({
    kind: gridKind,
    groupId: id('专委会或界别'),
    leaderId: id('主任或召集人'),
    memberIds: z
      .array(id('委员'), { error: '委员无效' })
      .min(1, '请选择要联系的委员')
      .max(50, '一次最多添加 50 位委员'),
  }),
  result: {} as { _id: string; added: number },
};

/** Staff: a member leaves a group; a group left with nobody is removed. */
export const liaisonGridRemove = {
  input: z.object({ id: id('联系组'), memberId: id('委员') }),
  result: {} as { removed: boolean },
};

const staffFilters = {
  memberId: id('委员').optional(),
  sectorId: id('界别').optional(),
  channel: channel.optional(),
  occasion: occasion.optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  /** Words of the member's name or the place visited. */
  q: searchWords,
};

export const liaisonList = {
  /** sort: by the day of the activity, newest first by default (each staff index ends in date). */
  input: z.object({ ...pageInput, ...staffFilters, sort: sortBy('date') }),
  /** occasions: what the subtree's units offer (their own lists or the built-in one), for the filter. */
  result: {} as Page<LiaisonRecordView> & { occasions: { value: string; label: string }[] },
};

export const liaisonExport = {
  input: z.object({ ...staffFilters, ...period }),
  result: {} as { fileName: string; url: string; rows: number; members: number },
};

/** Staff: each member of the subtree against the quota, those behind first (the console's view). */
export const liaisonProgress = {
  input: z.object({
    ...pageInput,
    ...period,
    behind: z.boolean({ error: '筛选条件无效' }).optional(),
    q: optionalText('搜索词', 20),
    /** Any column over every member (the action weighs them all); behind first by default. */
    sort: sortBy('name', 'sectorName', 'quarterActivities', 'quarterPersonTimes', 'yearPersonTimes', 'behind'),
  }),
  result: {} as Page<{ userId: string; name: string; sectorName: string; behind: boolean } & LiaisonProgress> &
    LiaisonPeriod & {
      quota: LiaisonQuota;
      behindCount: number;
      /** The subtree has more members than one answer weighs (`cap`): only the first `cap` by name are counted. */
      capped: boolean;
      cap: number;
    },
};

export const liaisonGetQuota = {
  input: z.object({}),
  result: {} as { quota: LiaisonQuota; unitName: string; custom: boolean },
};

export const liaisonSaveQuota = {
  input: z.object({
    activitiesPerQuarter: z
      .number({ error: '请填写每季度活动次数' })
      .int('应为整数')
      .min(0, '不能为负数')
      .max(30, '每季度不超过 30 次'),
    personTimesPerYear: z
      .number({ error: '请填写全年联系人次' })
      .int('应为整数')
      .min(0, '不能为负数')
      .max(5000, '全年不超过 5000 人次'),
  }),
  result: {} as { quota: LiaisonQuota },
};

/** A term as a 履职档案 asks for it: its name and the years the member's list of terms gave. */
const dossierTerm = z.object(
  {
    name: text('届次', 2, 20),
    fromYear: year,
    toYear: year,
  },
  { error: '届次无效' },
);

export interface DossierFigures {
  shifts: number;
  attended: number;
  late: number;
  absent: number;
  leave: number;
  receptions: number;
  receptionPeople: number;
  activities: number;
  personTimes: number;
  answered: number;
  answeredOnTime: number;
}

export interface DossierResult {
  /** The year asked for, or null for a term. */
  year: number | null;
  term: Term | null;
  /** 2026年度, 十三届（2026年至今）: what the document and the share image say. */
  label: string;
  fileName: string;
  url: string;
  figures: DossierFigures;
  /** A term's figures year by year (empty for a year). */
  byYear: { year: number; figures: DossierFigures }[];
  /** The terms the member's unit has named (its sessions), oldest first, to choose from. */
  terms: Term[];
}

/** 履职档案: the member's year or term as a Word document (the annual 述职), and its figures. */
export const liaisonDossier = {
  input: z.object({ year: year.optional(), term: dossierTerm.optional() }),
  result: {} as DossierResult,
};

/** Staff make a member's 履职档案 (their own subtree): the current year unless a year or a term is named. */
export const liaisonMemberDossier = {
  input: z.object({ memberId: id('委员'), year: year.optional(), term: text('届次', 2, 20).optional() }),
  result: {} as DossierResult,
};
