/**
 * A year nobody has entered yet, computed from the rules instead (全国年节及纪念日放假办法, as revised
 * from 2025): 元旦 1 January; 春节 除夕 and 正月初一 to 初三; 清明 on its solar term; 劳动节 1–2 May;
 * 端午 5/5 and 中秋 8/15 of the lunar calendar; 国庆 1–3 October. A statutory day that falls on a
 * weekend, or on another holiday's day, is made up on the next working weekday (补假), as the rules
 * require. The State Council's yearly arrangement moves weekends around these days (调休); that
 * cannot be guessed, so such a year counts the statutory minimum and every date in it is provisional.
 *
 * The lunar dates come from chinese-days' own lunar tables (1900–2100), already in every bundle
 * for the years it knows: a full lunar library measured 320–330 KB minified, over the 300 KB a
 * function bundle may weigh.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { CalendarDay, HolidayName, YearDays } from '@lxq/types';
import { isWeekend, shiftDate, ymd } from './dates';

const lunar = (year: number, month: number, day: number) => getSolarDateFromLunar(ymd(year, month, day)).date;

/** The statutory days off of a year, in date order. */
export function statutoryDays(year: number): CalendarDay[] {
  const newYear = lunar(year, 1, 1);
  const days: [string, HolidayName][] = [
    [ymd(year, 1, 1), '元旦'],
    [shiftDate(newYear, -1), '春节'],
    [newYear, '春节'],
    [shiftDate(newYear, 1), '春节'],
    [shiftDate(newYear, 2), '春节'],
    [getSolarTermDate(year, 4, 'pure_brightness'), '清明'],
    [ymd(year, 5, 1), '劳动节'],
    [ymd(year, 5, 2), '劳动节'],
    [lunar(year, 5, 5), '端午'],
    [lunar(year, 8, 15), '中秋'],
    [ymd(year, 10, 1), '国庆'],
    [ymd(year, 10, 2), '国庆'],
    [ymd(year, 10, 3), '国庆'],
  ];
  return days.map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

export function ruleYear(year: number): YearDays {
  const off: Record<string, string> = {};
  const owed: CalendarDay[] = [];
  for (const d of statutoryDays(year)) {
    if (off[d.date] || isWeekend(d.date)) owed.push(d);
    off[d.date] ??= d.name;
  }
  for (const d of owed) {
    let day = shiftDate(d.date, 1);
    while (off[day] || isWeekend(day)) day = shiftDate(day, 1);
    off[day] = d.name;
  }
  return { off, on: {} };
}
