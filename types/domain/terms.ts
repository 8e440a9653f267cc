/**
 * 届 (a term, e.g. 十三届): not stored on its own. A term is named by the proposal sessions staff
 * open (十三届一次会议 …, collection proposal_sessions) and by the 换届 an admin records; its years
 * follow from a session's place in it: the Nth session (N次会议) meets in the term's Nth year. A
 * term lasts five years, ends where the next begins, and runs no later than this year.
 */
export interface Term {
  name: string;
  fromYear: number;
  toYear: number;
  /** Still running (no later term, fewer than five years gone). */
  current: boolean;
  /** 十三届（2026年至今）, 十二届（2021—2025年）. */
  label: string;
}

const DIGITS = '一二三四五六七八九';

/** 一 … 九十九 in Chinese numerals; null for anything else. */
export function chineseNumber(s: string): number | null {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || !s) return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS.indexOf(a) + 1 : null;
  return (a ? DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? DIGITS.indexOf(b) + 1 : 0);
}

const TERM_YEARS = 5;

/** The terms the sessions name, oldest first; a session whose name says no 届 names none. */
export function termsOf(sessions: { name: string; opensOn: string }[], thisYear: number): Term[] {
  const starts = new Map<string, number>();
  for (const s of sessions) {
    const m = /^(.{1,8}?届)(.{1,3})次会议/.exec(s.name.trim());
    if (!m) continue;
    const nth = chineseNumber(m[2]) ?? 1;
    const from = Number(s.opensOn.slice(0, 4)) - Math.min(nth - 1, TERM_YEARS - 1);
    starts.set(m[1], Math.min(starts.get(m[1]) ?? from, from));
  }
  const sorted = [...starts.entries()]
    .filter(([, from]) => from <= thisYear)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return sorted.map(([name, fromYear], i) => {
    const next = sorted[i + 1]?.[1];
    const last = fromYear + TERM_YEARS - 1;
    const toYear = Math.max(fromYear, Math.min(last, next !== undefined ? next - 1 : last, thisYear));
    const current = next === undefined && last > thisYear;
    const years = current ? `${fromYear}年至今` : fromYear === toYear ? `${fromYear}年` : `${fromYear}—${toYear}年`;
    return { name, fromYear, toYear, current, label: `${name}（${years}）` };
  });
}
