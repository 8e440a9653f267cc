/**
 * Subscribe-message template field rules (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 * A key is `<type><n>` (thing1, time2, phrase3 …). Returns null when valid, else the reason used in
 * the 47003 errmsg.
 */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const HAN_ONLY = new RegExp(`^[${HAN}]+$`);
const HAS_HAN = new RegExp(`[${HAN}]`);

function len(s: string): number {
  return [...s].length;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days && y >= 1900 && y <= 2999;
}

function validClock(h: number, mi: number, s?: number): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && (s === undefined || (s >= 0 && s <= 59));
}

const DATE_RE = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2}))$/;
const CLOCK_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function checkDatePart(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const mo = Number(m[2] ?? m[4] ?? m[6]);
  const d = Number(m[3] ?? m[5] ?? m[7]);
  return validDate(Number(m[1]), mo, d);
}

function checkClock(s: string): boolean {
  const m = CLOCK_RE.exec(s);
  return !!m && validClock(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

/** "2019年10月1日", "2019-10-01", optionally followed by a time. */
function isDate(v: string): boolean {
  const [datePart, ...rest] = v.trim().split(/\s+/);
  if (rest.length > 1) return false;
  if (!checkDatePart(datePart)) return false;
  return rest.length === 0 || checkClock(rest[0]);
}

/** "15:01", or a date followed by a time; a period "15:00~16:00" is allowed too. */
function isTime(v: string): boolean {
  const range = v.trim().split(/\s*[~～]\s*/);
  if (range.length === 2) return isTime(range[0]) && isTime(range[1]);
  if (range.length > 2) return false;
  const parts = range[0].split(/\s+/);
  if (parts.length === 1) return checkClock(parts[0]) || checkDatePart(parts[0]);
  if (parts.length === 2) return checkDatePart(parts[0]) && checkClock(parts[1]);
  return false;
}

type Rule = (v: string) => string | null;

const RULES: Record<string, Rule> = {
  thing: (v) => (len(v) <= 20 ? null : 'exceeds 20 characters'),
  number: (v) => (len(v) <= 32 && /^[+-]?\d+(\.\d+)?$/.test(v) ? null : 'must be a number of at most 32 digits'),
  letter: (v) => (len(v) <= 32 && /^[A-Za-z]+$/.test(v) ? null : 'must be at most 32 letters'),
  symbol: (v) => (len(v) <= 5 && !/[A-Za-z0-9]/.test(v) && !HAS_HAN.test(v) ? null : 'must be at most 5 symbols'),
  character_string: (v) =>
    len(v) <= 32 && /^[\x21-\x7e]+$/.test(v) ? null : 'must be at most 32 letters, digits or symbols',
  time: (v) => (isTime(v) ? null : 'is not a valid time'),
  date: (v) => (isDate(v) ? null : 'is not a valid date'),
  amount: (v) => (/^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v) ? null : 'is not a valid amount'),
  phone_number: (v) => (len(v) <= 17 && /^[\d+\-() ]+$/.test(v) ? null : 'is not a valid phone number'),
  car_number: (v) => (len(v) <= 8 ? null : 'exceeds 8 characters'),
  name: (v) => {
    if (HAS_HAN.test(v)) return len(v) <= 10 ? null : 'exceeds 10 Chinese characters';
    return len(v) <= 20 && /^[A-Za-z .·'-]+$/.test(v) ? null : 'must be at most 20 letters';
  },
  phrase: (v) => (len(v) <= 5 && HAN_ONLY.test(v) ? null : 'must be at most 5 Chinese characters'),
};

export function fieldType(key: string): string | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  return m && RULES[m[1]] ? m[1] : null;
}

export interface TemplateDataError {
  key: string;
  reason: string;
}

export function validateTemplateData(data: unknown): TemplateDataError | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { key: 'data', reason: 'is not an object' };
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return { key: 'data', reason: 'is empty' };
  for (const [key, field] of entries) {
    const type = fieldType(key);
    if (!type) return { key: `data.${key}`, reason: 'is not a template keyword' };
    const raw = field && typeof field === 'object' ? (field as { value?: unknown }).value : undefined;
    if (raw === undefined || raw === null || raw === '') return { key: `data.${key}.value`, reason: 'is empty' };
    if (typeof raw !== 'string' && typeof raw !== 'number')
      return { key: `data.${key}.value`, reason: 'is not a string' };
    const reason = RULES[type](String(raw));
    if (reason) return { key: `data.${key}.value`, reason };
  }
  return null;
}
