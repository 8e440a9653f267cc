/** Plain "YYYY-MM-DD" arithmetic: a calendar date has no zone, so none of this reads the clock's. */

const toUtc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const shiftDate = (date: string, days: number) => fromUtc(toUtc(date) + days * 86_400_000);

/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string) => ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;

export const isWeekend = (date: string) => weekdayOf(date) >= 6;

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** A real date, written "YYYY-MM-DD". */
export const isDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && fromUtc(toUtc(date)) === date;

export const ymd = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function* daysOfYear(year: number): Generator<string> {
  for (let d = `${year}-01-01`; yearOf(d) === year; d = shiftDate(d, 1)) yield d;
}

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** "2月6日（周六）" as the notices write dates. */
export const chineseDate = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAY_NAMES[weekdayOf(date)]}）`;
