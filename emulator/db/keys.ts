/**
 * Type-tagged, byte-order-sortable index keys (SQLite TEXT, BINARY collation).
 * Tag order follows MongoDB's BSON comparison order:
 *   null/missing < numbers < strings < objects < arrays < booleans < dates < regex
 */
import { isPlainObject, stringify } from './ejson';

export const TAG = {
  null: 'a',
  number: 'b',
  string: 'c',
  object: 'd',
  array: 'e',
  bool: 'g',
  date: 'h',
  regex: 'i',
} as const;

/** The tag that follows `tag` (exclusive upper bound of a type bracket). */
export function nextTag(tag: string): string {
  return String.fromCharCode(tag.charCodeAt(0) + 1);
}

const buf = Buffer.alloc(8);
function sortableNumber(n: number): string {
  if (Object.is(n, -0)) n = 0;
  if (Number.isNaN(n)) return '0000000000000000'; // NaN sorts before all numbers, as in MongoDB
  buf.writeDoubleBE(n, 0);
  if (buf[0] & 0x80) {
    for (let i = 0; i < 8; i++) buf[i] = ~buf[i] & 0xff;
  } else {
    buf[0] |= 0x80;
  }
  return buf.toString('hex');
}

/** Encode one scalar/element value. Returns null when the value has no usable key form. */
export function keyOf(v: unknown): string {
  if (v === null || v === undefined) return TAG.null;
  if (typeof v === 'number') return TAG.number + sortableNumber(v);
  if (typeof v === 'string') return TAG.string + v;
  if (typeof v === 'boolean') return TAG.bool + (v ? '1' : '0');
  if (v instanceof Date) return TAG.date + sortableNumber(v.getTime());
  if (v instanceof RegExp) return TAG.regex + v.toString();
  if (Array.isArray(v)) return TAG.array + stringify(v);
  if (isPlainObject(v)) return TAG.object + stringify(v);
  return TAG.null;
}

/** Tag of a key (first character). */
export function tagOf(key: string): string {
  return key.charAt(0);
}

/**
 * Values a dotted path reaches in a document, with MongoDB multikey semantics: arrays along the path
 * (or at its end) contribute each element. A missing path yields [undefined] (indexed as null).
 */
export function pathValues(doc: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const out: unknown[] = [];
  const walk = (v: unknown, i: number): void => {
    if (i === parts.length) {
      if (Array.isArray(v)) {
        if (v.length === 0) out.push(undefined);
        else for (const e of v) out.push(e);
      } else out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      const idx = /^\d+$/.test(parts[i]) ? Number(parts[i]) : -1;
      if (idx >= 0) {
        walk(v[idx], i + 1);
        return;
      }
      let any = false;
      for (const e of v) {
        if (isPlainObject(e)) {
          any = true;
          walk(e, i);
        }
      }
      if (!any) out.push(undefined);
      return;
    }
    if (isPlainObject(v)) {
      walk(v[parts[i]], i + 1);
      return;
    }
    out.push(undefined);
  };
  walk(doc, 0);
  return out.length ? out : [undefined];
}

/** All key tuples of a document for an index (cartesian product over multikey fields), deduplicated. */
export function indexTuples(doc: unknown, fields: string[]): string[][] {
  let tuples: string[][] = [[]];
  for (const f of fields) {
    const keys = Array.from(new Set(pathValues(doc, f).map(keyOf)));
    const next: string[][] = [];
    for (const t of tuples) for (const k of keys) next.push([...t, k]);
    tuples = next;
  }
  return tuples;
}
