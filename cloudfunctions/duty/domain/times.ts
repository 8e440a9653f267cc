import { SIGN_IN_OPENS_MINUTES, SIGN_OUT_GRACE_MINUTES } from '@lxq/types';
import { ZONE, inChina } from '../../shared/time';
import dayjs from 'dayjs';

/** The instant a China-time date and clock mean, whatever zone the function runs in. */
export function chinaInstant(date: string, clock: string): Date {
  return dayjs.tz(`${date}T${clock}:00`, ZONE).toDate();
}

/** A shift's start and end; an end at or before the start is refused by the caller. */
export function shiftWindow(date: string, startTime: string, endTime: string) {
  return { start: chinaInstant(date, startTime), end: chinaInstant(date, endTime) };
}

export const chinaDate = (d: Date) => inChina(d).format('YYYY-MM-DD');
export const chinaClock = (d: Date) => inChina(d).format('HH:mm');
/** "11月23日 09:00", how a person reads a moment. */
export const chinaMoment = (d: Date) => inChina(d).format('M月D日 HH:mm');

export const signInOpensAt = (start: Date) => new Date(start.getTime() - SIGN_IN_OPENS_MINUTES * 60_000);
export const signOutClosesAt = (end: Date) => new Date(end.getTime() + SIGN_OUT_GRACE_MINUTES * 60_000);

/** The China dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayjs.tz(from, ZONE); d.format('YYYY-MM-DD') <= to; d = d.add(1, 'day')) {
    out.push(d.format('YYYY-MM-DD'));
    if (out.length > 400) break;
  }
  return out;
}

/** Monday 00:00 of the China week holding `now`, and the next Monday. */
export function chinaWeek(now: Date) {
  const day = inChina(now).startOf('day');
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  return { from: monday.toDate(), to: monday.add(7, 'day').toDate() };
}

export function chinaDay(now: Date) {
  const day = inChina(now).startOf('day');
  return { from: day.toDate(), to: day.add(1, 'day').toDate(), date: day.format('YYYY-MM-DD') };
}
