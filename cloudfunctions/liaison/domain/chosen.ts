import type { LiaisonPeriod } from '@lxq/types';
import { invalid } from '../../shared/errors';
import { chosenPeriod, periodOf, quarterSpan, yearSpan, type Span } from './period';

/** The period asked for (default: now's), refused when it has not begun; with its spans. */
export function periodAsked(input: Partial<LiaisonPeriod>, now: Date) {
  const period = chosenPeriod(input, now);
  const current = periodOf(now);
  if (period.year > current.year || (period.year === current.year && period.quarter > current.quarter)) {
    throw invalid({ quarter: '该季度尚未开始' });
  }
  const quarter: Span = quarterSpan(period);
  const year: Span = yearSpan(period.year);
  return {
    period,
    quarter,
    year,
    current: period.year === current.year && period.quarter === current.quarter,
  };
}
