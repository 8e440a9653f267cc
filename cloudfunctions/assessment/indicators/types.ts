import type { Figures, IndicatorInfo } from '@lxq/types';

/** What every source is asked: one unit subtree, one period, as instants and as China dates. */
export interface SourceQuery {
  unitId: string;
  unitPath: string[];
  year: number;
  /** null: the whole year. */
  quarter: number | null;
  start: Date;
  end: Date;
  /** China dates, `from` inclusive and `to` exclusive ('2026-07-01' … '2026-10-01'). */
  fromDate: string;
  toDate: string;
  now: Date;
  /**
   * The members asked about (a chunk of the subtree, a few thousand at most): a source counts only
   * theirs, so a province is counted chunk by chunk and no group limit cuts anyone off.
   */
  memberIds: string[];
}

export interface MemberFigures {
  figures: Figures;
  /** Quotas this source says the member has not met. */
  shortfalls?: string[];
}

/**
 * One domain's indicators (a file in this folder, listed in index.ts): the named figures it yields
 * and how the database counts them — one aggregate per call, grouped by member or workstation,
 * never the records themselves. A source that has no figure for someone leaves them out; they
 * count zero.
 */
export interface IndicatorSource {
  name: string;
  member?: {
    indicators: IndicatorInfo[];
    perMember(q: SourceQuery): Promise<Map<string, MemberFigures>>;
  };
  station?: {
    indicators: IndicatorInfo[];
    perStation(q: SourceQuery): Promise<Map<string, Figures>>;
  };
}

/** Rows of an aggregate keyed by `_id`, each row's numeric fields renamed to indicator keys. */
export function keyed<R extends { _id: string | null }>(rows: R[], figures: (r: R) => Figures): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const r of rows) if (r._id) out.set(r._id, figures(r));
  return out;
}
