/** The dashboard's periods, as spans of China months ("2026-01"). */
export const PERIODS = [
  { key: '12m', label: '近12个月' },
  { key: 'year', label: '本年' },
  { key: 'quarter', label: '本季度' },
  { key: 'lastQuarter', label: '上季度' },
  { key: 'lastYear', label: '上一年' },
] as const;

export type PeriodKey = (typeof PERIODS)[number]['key'];

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** `now` in China: the year and month (1–12). */
function chinaMonth(now: Date) {
  const d = new Date(now.getTime() + 8 * 3_600_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
}

/** The span of a period; none for the last twelve months (the action's default). */
export function spanOf(period: PeriodKey, now = new Date()): { from?: string; to?: string } {
  const { y, m } = chinaMonth(now);
  const q = Math.floor((m - 1) / 3);
  switch (period) {
    case 'year':
      return { from: ym(y, 1), to: ym(y, m) };
    case 'quarter':
      return { from: ym(y, q * 3 + 1), to: ym(y, m) };
    case 'lastQuarter':
      return q === 0 ? { from: ym(y - 1, 10), to: ym(y - 1, 12) } : { from: ym(y, q * 3 - 2), to: ym(y, q * 3) };
    case 'lastYear':
      return { from: ym(y - 1, 1), to: ym(y - 1, 12) };
    default:
      return {};
  }
}
