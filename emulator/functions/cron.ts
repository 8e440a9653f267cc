/**
 * WeChat Cloud / SCF timer trigger cron: 7 fields "sec min hour day month week year",
 * evaluated in UTC+8 (Asia/Shanghai, no DST) whatever the process time zone is.
 * Supports `*`, `?`, lists `a,b`, ranges `a-b`, steps `x/n` and `a-b/n`, month names JAN-DEC and
 * weekday names SUN-SAT (0 or 7 = Sunday). If both day and week are restricted a time matches
 * when either does (classic cron); otherwise both must match.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  min: number;
  max: number;
  names?: string[];
  namesBase?: number;
}

const SPECS: FieldSpec[] = [
  { min: 0, max: 59 }, // sec
  { min: 0, max: 59 }, // min
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day
  { min: 1, max: 12, names: MONTHS, namesBase: 1 }, // month
  { min: 0, max: 7, names: DAYS, namesBase: 0 }, // week
  { min: 1970, max: 2099 }, // year
];

export interface CronSchedule {
  source: string;
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  years: Set<number> | null;
  dayRestricted: boolean;
  weekRestricted: boolean;
}

function parseValue(s: string, spec: FieldSpec, expr: string): number {
  const up = s.toUpperCase();
  if (spec.names) {
    const i = spec.names.indexOf(up);
    if (i >= 0) return i + (spec.namesBase ?? 0);
  }
  if (!/^\d+$/.test(s)) throw new Error(`cron 表达式无效: ${expr}（${s}）`);
  const n = Number(s);
  if (n < spec.min || n > spec.max) throw new Error(`cron 表达式无效: ${expr}（${s} 超出范围）`);
  return n;
}

function parseField(field: string, spec: FieldSpec, expr: string): { set: Set<number>; restricted: boolean } {
  const set = new Set<number>();
  if (field === '*' || field === '?') {
    for (let i = spec.min; i <= spec.max; i++) set.add(i);
    return { set, restricted: false };
  }
  for (const part of field.split(',')) {
    const [rangePart, stepPart] = part.split('/');
    const step = stepPart === undefined ? 1 : Number(stepPart);
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron 表达式无效: ${expr}`);
    let lo: number;
    let hi: number;
    if (rangePart === '*' || rangePart === '?') {
      lo = spec.min;
      hi = spec.max;
    } else if (rangePart.includes('-')) {
      const [a, b] = rangePart.split('-');
      lo = parseValue(a, spec, expr);
      hi = parseValue(b, spec, expr);
      if (hi < lo) throw new Error(`cron 表达式无效: ${expr}`);
    } else {
      lo = parseValue(rangePart, spec, expr);
      hi = stepPart === undefined ? lo : spec.max;
    }
    for (let i = lo; i <= hi; i += step) set.add(i);
  }
  return { set, restricted: true };
}

export function parseCron(expr: string): CronSchedule {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7 && fields.length !== 6) {
    throw new Error(`cron 表达式无效: ${expr}（需要 7 个字段：秒 分 时 日 月 星期 年）`);
  }
  const parsed = fields.map((f, i) => parseField(f, SPECS[i], expr));
  const weekdays = new Set<number>();
  for (const d of parsed[5].set) weekdays.add(d % 7);
  return {
    source: expr,
    seconds: parsed[0].set,
    minutes: parsed[1].set,
    hours: parsed[2].set,
    days: parsed[3].set,
    months: parsed[4].set,
    weekdays,
    years: fields.length === 7 && parsed[6].restricted ? parsed[6].set : null,
    dayRestricted: parsed[3].restricted,
    weekRestricted: parsed[5].restricted,
  };
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  if (s.dayRestricted && s.weekRestricted) return dom || dow;
  return dom && dow;
}

/**
 * The first fire time strictly after `after` (a real instant), or null if none within ~5 years
 * (or the year field rules everything out).
 */
export function nextFireTime(schedule: CronSchedule | string, after: Date = new Date()): Date | null {
  const s = typeof schedule === 'string' ? parseCron(schedule) : schedule;
  // Work on a "wall clock" date: a Date whose UTC fields are the Shanghai local time.
  let t = Math.floor(after.getTime() / 1000) * 1000 + 1000 + SHANGHAI_OFFSET_MS;
  const limit = t + 5 * 366 * 24 * 3600 * 1000;
  while (t <= limit) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    if (s.years && !s.years.has(year)) {
      const maxYear = Math.max(...s.years);
      if (year > maxYear) return null;
      t = Date.UTC(year + 1, 0, 1);
      continue;
    }
    if (!s.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(year, d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(s, d)) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!s.hours.has(d.getUTCHours())) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!s.minutes.has(d.getUTCMinutes())) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes() + 1);
      continue;
    }
    if (!s.seconds.has(d.getUTCSeconds())) {
      t += 1000;
      continue;
    }
    return new Date(t - SHANGHAI_OFFSET_MS);
  }
  return null;
}
