/** The assessment function's actions: input schema (zod) and result type, by name. */
import { z } from '../zod';
import { text } from './fields';
import type {
  AssessmentPeriod,
  IndicatorInfo,
  MemberAssessment,
  SnapshotStatus,
  StationAssessment,
  Weights,
} from '../domain/assessment';

const year = z.number({ error: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效');
const quarter = z.number({ error: '季度无效' }).int('季度无效').min(1, '季度应为 1–4').max(4, '季度应为 1–4');
/** The weight of one indicator: points per unit of it, negative for what counts against. */
const weight = z
  .number({ error: '权重应为数字' })
  .min(-100, '权重应在 −100 到 100 之间')
  .max(100, '权重应在 −100 到 100 之间');
const weights = z.record(z.string().max(64, '指标无效'), weight, { error: '权重无效' });
/** No quarter: the whole year. */
const period = { year: year.optional(), quarter: quarter.nullable().optional() };

/** The freeze state of a quarter, as the lists show it. */
export interface SnapshotInfo {
  /** A quarter still being frozen is shown as not frozen. */
  status: Exclude<SnapshotStatus, 'freezing'>;
  frozenAt: string;
  frozenByName: string;
  reopenedAt: string | null;
  reopenedByName: string | null;
  reopenReason: string | null;
}

export interface MemberGroup {
  name: string;
  members: MemberAssessment[];
}

/** 委员考核: every member of the caller's subtree, scored, grouped by sector or committee. */
export const assessmentMembers = {
  input: z.object({
    ...period,
    groupBy: z.enum(['sector', 'committee'], { error: '分组方式无效' }).default('sector'),
    /** Weights to try instead of the unit's (the preview before saving); nothing is stored. */
    weights: weights.optional(),
    /**
     * One page of the lines (in the list's order, a member in two committees counted in both);
     * without it every line. A frozen quarter's page is read without reading every snapshot page.
     */
    page: z.number({ error: '页码无效' }).int('页码无效').min(1, '页码无效').max(100_000, '页码无效').optional(),
    pageSize: z
      .number({ error: '每页条数无效' })
      .int('每页条数无效')
      .min(1, '每页条数应在 1–200 之间')
      .max(200, '每页条数应在 1–200 之间')
      .default(50),
    /** Only this sector's members (its name, as the list shows it). */
    sector: z.string().max(64, '界别无效').optional(),
    /** Only the members who fall short of a quota. */
    short: z.boolean({ error: '范围无效' }).optional(),
  }),
  result: {} as AssessmentPeriod & {
    indicators: IndicatorInfo[];
    weights: Weights;
    /** The stored snapshot when the quarter is frozen (its figures are then the snapshot's). */
    snapshot: SnapshotInfo | null;
    /** The quarter is over and may be frozen by the caller. */
    freezable: boolean;
    /** The lines (of the asked page only, when a page is asked), in their groups. */
    groups: MemberGroup[];
    /** Lines the filters match (all of them, not the page's). */
    total: number;
    behindCount: number;
    /** A freeze of the quarter is running: members written so far, of how many. */
    freezing: { done: number; total: number } | null;
    /** A live list weighs at most this many members (the subtree has more: the first by name). */
    cap: number | null;
  },
};

/** The unit's weights and the indicators they apply to. */
export const assessmentSettings = {
  input: z.object({}),
  result: {} as {
    memberIndicators: IndicatorInfo[];
    stationIndicators: IndicatorInfo[];
    memberWeights: Weights;
    stationWeights: Weights;
    /** Whose weights these are: the caller's unit's own, an ancestor's, or the defaults. */
    from: 'own' | 'ancestor' | 'default';
  },
};

export const assessmentSaveSettings = {
  input: z.object({ memberWeights: weights, stationWeights: weights }),
  result: {} as { ok: true },
};

export const assessmentFreeze = {
  input: z.object({
    year,
    quarter,
    /** Members counted per run of the freeze's chain (default 1000); tests set it small. */
    perRun: z
      .number({ error: '每次冻结人数无效' })
      .int('每次冻结人数无效')
      .min(50, '每次冻结人数应在 50–2000 之间')
      .max(2000, '每次冻结人数应在 50–2000 之间')
      .optional(),
  }),
  /** Done in this call when small; else `status` freezing, and the chain runs on (`done` of `members`). */
  result: {} as { _id: string; members: number; done: number; status: 'frozen' | 'freezing' },
};

export const assessmentReopen = {
  input: z.object({ year, quarter, reason: text('重新开放的理由', 4, 200) }),
  result: {} as { _id: string },
};

/** The member list of a quarter as a workbook (the snapshot's figures when frozen). */
export const assessmentExport = {
  input: z.object({ ...period, groupBy: z.enum(['sector', 'committee'], { error: '分组方式无效' }).default('sector') }),
  result: {} as { fileName: string; url: string; rows: number; frozen: boolean },
};

/** 工作站考核: every workstation of the subtree, ranked by the unit's station weights. */
export const assessmentStations = {
  input: z.object({ ...period, weights: weights.optional() }),
  result: {} as AssessmentPeriod & { indicators: IndicatorInfo[]; weights: Weights; items: StationAssessment[] },
};

/** The workstation ranking of a period as a workbook, as on screen. */
export const assessmentExportStations = {
  input: z.object({ ...period }),
  result: {} as { fileName: string; url: string; rows: number },
};
