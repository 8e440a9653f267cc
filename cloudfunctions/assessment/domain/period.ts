import { invalid } from '../../shared/errors';
import { periodOf, quarterSpan, yearSpan } from '../../liaison/domain/period';

export interface AskedPeriod {
  year: number;
  /** null: the whole year. */
  quarter: number | null;
  start: Date;
  end: Date;
  fromDate: string;
  toDate: string;
  /** Over (its end has passed): a quarter may then be frozen. */
  ended: boolean;
}

const firstDay = (year: number, month: number) =>
  month > 12 ? `${year + 1}-01-01` : `${year}-${String(month).padStart(2, '0')}-01`;

/**
 * The quarter or year asked for, in China time (the same spans the liaison domain counts in):
 * default the current quarter; a period not yet begun is refused.
 */
export function askedPeriod(input: { year?: number; quarter?: number | null }, now: Date): AskedPeriod {
  const current = periodOf(now);
  const year = input.year ?? current.year;
  const quarter = input.quarter === undefined ? (input.year ? null : current.quarter) : input.quarter;
  if (year > current.year || (year === current.year && quarter !== null && quarter > current.quarter)) {
    throw invalid({ quarter: '该时段尚未开始' });
  }
  const span = quarter === null ? yearSpan(year) : quarterSpan({ year, quarter });
  return {
    year,
    quarter,
    ...span,
    fromDate: firstDay(year, quarter === null ? 1 : (quarter - 1) * 3 + 1),
    toDate: firstDay(year, quarter === null ? 13 : quarter * 3 + 1),
    ended: span.end <= now,
  };
}

export const periodLabel = (p: { year: number; quarter: number | null }) =>
  p.quarter === null ? `${p.year}年` : `${p.year}年第${p.quarter}季度`;
