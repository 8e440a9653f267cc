/**
 * 履职考核 (PRODUCT.md §9, seed 000 "每季度对界别委员工作情况进行量化考核", seed 001's 优秀委员工作站):
 * named indicators per member and per workstation, counted by the database from the records
 * other domains keep; a score from the unit's weights; a quarter frozen into a snapshot.
 */

/** A quarter (1–4) of a China year, or the whole year when `quarter` is null. */
export interface AssessmentPeriod {
  year: number;
  quarter: number | null;
}

/** One named indicator: what the weights form, the lists and the rule beside a score show. */
export interface IndicatorInfo {
  /** `<source>.<name>`, e.g. `duty.absent`; the weights are keyed by it. */
  key: string;
  label: string;
  /** 次, 人次, 分 … */
  unit: string;
  defaultWeight: number;
  /** Where the figure comes from, in a phrase (shown under the weights form). */
  hint: string;
}

/** Indicator key → value for one member or one workstation. */
export type Figures = Record<string, number>;
export type Weights = Record<string, number>;

/** The unit's weights (`_id` = unit id); the nearest ancestor's apply to a unit without its own. */
export interface AssessmentSettings {
  _id: string;
  unitId: string;
  unitPath: string[];
  memberWeights: Weights;
  stationWeights: Weights;
  updatedBy: string;
  updatedAt: Date;
}

/** One member's line in a list: figures, the score and how it was reached, rank in their sector. */
export interface MemberAssessment {
  userId: string;
  name: string;
  sectorId: string | null;
  sectorName: string;
  committeeNames: string[];
  figures: Figures;
  score: number;
  /** The score written out: "联系活动 3×2 + 缺勤 1×(−5) = 1". */
  rule: string;
  /** Rank among the members of their sector (ties share a rank), and how many there are. */
  sectorRank: number;
  sectorSize: number;
  /** Quotas not met (liaison), in words; empty when every quota is met. */
  shortfalls: string[];
}

export interface StationAssessment {
  workstationId: string;
  name: string;
  unitId: string;
  figures: Figures;
  score: number;
  rule: string;
  rank: number;
}

/** `freezing`: a freeze has claimed the quarter and is writing its pages; it counts live meanwhile. */
export type SnapshotStatus = 'freezing' | 'frozen' | 'reopened';

/**
 * A frozen quarter of a unit's subtree (`_id` = `<unitId>_<year>_Q<quarter>`, so two freezes at
 * once store one): its header. The member lines as they stood, which late records no longer move,
 * are in `pages` documents of assessment_snapshot_pages (a city of tens of thousands of members
 * would pass the platform's document size limit in one).
 */
export interface AssessmentSnapshot {
  _id: string;
  unitId: string;
  unitPath: string[];
  year: number;
  quarter: number;
  status: SnapshotStatus;
  weights: Weights;
  /** How many pages and member lines the freeze wrote: a reader takes exactly these. */
  pages: number;
  memberCount: number;
  /** When the running freeze claimed the quarter: a freeze that died is taken over after a lease. */
  claimedAt: Date;
  /** The quarter's state the running freeze found (its audit's "before"), null for none. */
  claimedFrom?: { status: SnapshotStatus; version: number } | null;
  frozenAt: Date;
  frozenBy: string;
  frozenByName: string;
  reopenedAt: Date | null;
  reopenedByName: string | null;
  reopenReason: string | null;
  /** Bumped by every freeze and reopen: a change applies only to the version it read. */
  version: number;
  /**
   * The freeze's tally kept once frozen: a page of the list is found from these counts and read
   * from the members' results, not from every page (absent on snapshots frozen before it was kept).
   */
  scores?: SectorScores[];
  /** While freezing: how far the chain of runs got (absent on snapshots frozen in one call). */
  progress?: FreezeProgress | null;
  /** The run that holds the freeze until then (a timer resumes a chain whose lease has passed). */
  lease?: string;
  leaseUntil?: Date;
}

/**
 * A freeze runs as a chain of invocations: each counts `perRun` members (in `_id` order, after
 * `cursor`) and writes their pages, then ranks need every score: a last pass over the stored
 * pages sets each line's sector rank from `scores` (per sector, each distinct score with how many
 * members have it — a few hundred numbers, whatever the member count) and writes the results.
 */
export interface FreezeProgress {
  perRun: number;
  /** Members of the subtree when the freeze began (the screen's "已冻结 3,200 / 12,000"). */
  total: number;
  /** Members whose lines are written. */
  done: number;
  cursor: string;
  /** Every member counted: the ranking pass runs. */
  counted: boolean;
  pages: number;
  /** Pages whose ranks and results are written. */
  ranked: number;
  scores: SectorScores[];
  runs: number;
}

export interface SectorScores {
  sector: string;
  /** How many of the sector have each score, and how many of those fall short of a quota. */
  counts: { score: number; n: number; behind?: number }[];
}

/** Up to SNAPSHOT_PAGE member lines of a frozen quarter (`_id` = `<snapshotId>_p<n>`, n from 0). */
export interface AssessmentSnapshotPage {
  _id: string;
  snapshotId: string;
  n: number;
  members: MemberAssessment[];
}

/** Member lines per page: a line is 1–2 KB, so a page stays well under 1 MB. */
export const SNAPSHOT_PAGE = 200;

/** A member's result in a frozen quarter, one small document each, for their 成绩单. */
export interface AssessmentResult {
  _id: string;
  snapshotId: string;
  memberId: string;
  unitId: string;
  year: number;
  quarter: number;
  score: number;
  rule: string;
  sectorName: string;
  sectorRank: number;
  sectorSize: number;
  /** Falls short of a quota, and the whole line: the staff list reads a page of lines from here. */
  behind?: boolean;
  line?: MemberAssessment;
}
