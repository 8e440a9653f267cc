import { inChina } from '../../shared/time';

/** The start of a China day given as YYYY-MM-DD, plus `days` (China keeps no daylight saving). */
const chinaDayStart = (day: string, days = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000);

/** The period asked for, in China days: this year so far when none is given. */
export function periodOf(input: { from?: string; to?: string }, now: Date) {
  const from = input.from ?? `${inChina(now).format('YYYY')}-01-01`;
  const to = input.to ?? inChina(now).format('YYYY-MM-DD');
  return { from, to, start: chinaDayStart(from), end: chinaDayStart(to, 1) };
}
