/**
 * EJSON as spoken by @cloudbase/database (bson 4 `EJSON.stringify(v, {relaxed:false})` on the way in,
 * `EJSON.parse` on the way out), plus the CloudBase extension `{$tcb_server_date:{offset}}`.
 *
 * In memory documents are plain JS values with `Date` and `RegExp` instances (what mingo works on).
 * The same codec is used for the SQLite `doc` column.
 */

export type Doc = Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u', 'g', 'y']);

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v);
  if (s === 'Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  if (s === 'NaN') return NaN;
  return Number(s);
}

/** Decode an EJSON value (already JSON.parse'd) into JS values. `now` resolves serverDate. */
export function decode(v: unknown, now: number = Date.now()): unknown {
  if (Array.isArray(v)) return v.map((x) => decode(x, now));
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const k = keys[0];
    const inner = v[k];
    switch (k) {
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
      case '$numberDecimal':
        return toNumber(inner);
      case '$date': {
        if (isPlainObject(inner) && '$numberLong' in inner) return new Date(toNumber(inner.$numberLong));
        if (typeof inner === 'number') return new Date(inner);
        if (typeof inner === 'string') return new Date(inner);
        break;
      }
      case '$tcb_server_date': {
        const off = isPlainObject(inner) ? toNumber(decode(inner.offset, now) ?? 0) : 0;
        return new Date(now + (Number.isFinite(off) ? off : 0));
      }
      case '$regularExpression': {
        if (isPlainObject(inner)) {
          const flags = String(inner.options ?? '')
            .split('')
            .filter((f) => JS_REGEX_FLAGS.has(f) && f !== 'g' && f !== 'y')
            .join('');
          return new RegExp(String(inner.pattern ?? ''), flags);
        }
        break;
      }
      case '$oid':
        return String(inner);
      case '$undefined':
        return undefined;
      case '$symbol':
        return String(inner);
      default:
        break;
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const d = decode(v[k], now);
    if (d !== undefined) out[k] = d;
  }
  return out;
}

/** Parse an EJSON string. */
export function parse(text: string, now?: number): unknown {
  return decode(JSON.parse(text), now);
}

/**
 * Encode JS values into (relaxed) EJSON: numbers stay JSON numbers (bson's relaxed `EJSON.parse`
 * turns them back into JS numbers), dates become `{$date:{$numberLong}}` (→ `Date` in the SDK).
 */
export function encode(v: unknown): unknown {
  if (v instanceof Date) return { $date: { $numberLong: String(v.getTime()) } };
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    return { $numberDouble: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
  }
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : encode(x)));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x !== undefined && typeof x !== 'function') out[k] = encode(x);
    }
    return out;
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function stringify(v: unknown): string {
  return JSON.stringify(encode(v));
}

/** Deep clone preserving Date and RegExp. */
export function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as unknown as T;
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as unknown as T;
  if (Array.isArray(v)) return v.map((x) => clone(x)) as unknown as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = clone(v[k]);
    return out as T;
  }
  return v;
}

export { isPlainObject };
