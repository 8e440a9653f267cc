/**
 * A year's official arrangement as an admin enters it: the lines of the State Council's notice
 * pasted as they are ("二、春节：2月5日（农历腊月二十九）至13日放假调休，共9天。2月14日（周日）上班。"),
 * or dates one per line ("2027-02-05 至 2027-02-13 春节", "2027-02-14 上班 春节"). Checked before
 * it is stored: dates inside the year, a make-up working day on a weekend, no date both off and
 * on, and every statutory holiday among the days off, with a Chinese message per problem.
 */
import { STATUTORY_HOLIDAYS, type CalendarDay } from '@lxq/types';
import { chineseDate, isDate, isWeekend, shiftDate, ymd } from './dates';
import { statutoryDays } from './rules';

export interface Arrangement {
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日|(\d{4})-(\d{1,2})-(\d{1,2})/g;

/** The holiday a line is about: the first statutory name in it (中秋节、国庆节 → 中秋、国庆). */
function namesIn(line: string): string {
  const found = STATUTORY_HOLIDAYS.filter((h) => line.includes(h));
  return found.join('、');
}

/** The notice's lines → days off (ranges) and make-up working days, in the given year. */
export function parseArrangement(year: number, text: string): Arrangement & { unread: string[] } {
  const holidays: CalendarDay[] = [];
  const workdays: CalendarDay[] = [];
  const unread: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/（[^）]*）|\([^)]*\)/g, '').trim();
    if (!line) continue;
    const name = namesIn(line);
    if (!name) {
      if (/\d/.test(line)) unread.push(raw.trim());
      continue;
    }
    let month = 1;
    let y = year;
    // Each sentence either gives days off (放假, a range with 至) or working days (上班).
    for (const sentence of line.split(/[。；;]/)) {
      const dates: { date: string; at: number }[] = [];
      for (const m of sentence.matchAll(DATE)) {
        if (m[4]) {
          y = Number(m[4]);
          month = Number(m[5]);
          dates.push({ date: ymd(y, month, Number(m[6])), at: m.index ?? 0 });
          continue;
        }
        if (m[1]) y = Number(m[1]);
        if (m[2]) month = Number(m[2]);
        dates.push({ date: ymd(y, month, Number(m[3])), at: m.index ?? 0 });
      }
      if (!dates.length) continue;
      if (/上班/.test(sentence) && !/放假/.test(sentence)) {
        for (const d of dates) workdays.push({ date: d.date, name });
        continue;
      }
      if (/至|到|—|–|~/.test(sentence) && dates.length >= 2) {
        for (let d = dates[0].date; d <= dates[1].date && isDate(d); d = shiftDate(d, 1))
          holidays.push({ date: d, name });
      } else {
        for (const d of dates) holidays.push({ date: d.date, name });
      }
    }
  }
  return { holidays, workdays, unread };
}

/** Problems with the dates themselves: each a Chinese sentence; none when they are usable. */
export function arrangementProblems(year: number, a: Arrangement): string[] {
  const problems: string[] = [];
  const off = new Set<string>();
  for (const d of a.holidays) {
    if (!isDate(d.date)) problems.push(`放假日期「${d.date}」不是有效日期`);
    else if (!d.date.startsWith(`${year}-`) && !isNewYearSpill(year, d)) {
      problems.push(`放假日期 ${d.date} 不在 ${year} 年内`);
    } else if (off.has(d.date)) problems.push(`放假日期 ${d.date} 重复`);
    off.add(d.date);
  }
  const on = new Set<string>();
  for (const d of a.workdays) {
    if (!isDate(d.date)) problems.push(`上班日期「${d.date}」不是有效日期`);
    else if (!d.date.startsWith(`${year}-`)) problems.push(`上班日期 ${d.date} 不在 ${year} 年内`);
    else if (!isWeekend(d.date)) problems.push(`${chineseDate(d.date)} 本来就是工作日，不是调休上班日`);
    else if (off.has(d.date)) problems.push(`${chineseDate(d.date)} 既是放假日又是上班日`);
    else if (on.has(d.date)) problems.push(`上班日期 ${d.date} 重复`);
    on.add(d.date);
  }
  if (!a.holidays.length) problems.push('没有读到任何放假日期，请粘贴通知中各节日的放假安排');
  return problems;
}

/** A 元旦 block that starts on 30 or 31 December of the year before is written in this year's notice. */
const isNewYearSpill = (year: number, d: CalendarDay) =>
  d.date.startsWith(`${year - 1}-12-`) && d.name.includes('元旦');

/** Each statutory day of the year missing from the days off, as "缺少春节：2月5日（周五）". */
export function missingHolidays(year: number, a: Arrangement): string[] {
  const off = new Set(a.holidays.map((d) => d.date));
  const missing = new Map<string, string[]>();
  for (const d of statutoryDays(year)) {
    if (off.has(d.date)) continue;
    missing.set(d.name, [...(missing.get(d.name) ?? []), chineseDate(d.date)]);
  }
  return [...missing].map(([name, dates]) => `缺少${name}：${dates.join('、')} 未列为放假日`);
}

/** The arrangement as stored: days in date order, the spill-over days of 元旦 left to last year. */
export function normalized(year: number, a: Arrangement): Arrangement {
  const sort = (days: CalendarDay[]) =>
    [...new Map(days.filter((d) => d.date.startsWith(`${year}-`)).map((d) => [d.date, d])).values()].sort((x, y) =>
      x.date.localeCompare(y.date),
    );
  return { holidays: sort(a.holidays), workdays: sort(a.workdays) };
}
