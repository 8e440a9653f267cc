/**
 * The query planner: which declared index (if any) serves a filter and an order. Pure — it knows
 * index field lists and key encodings, never SQLite — so it is unit-tested on its own
 * (test/conformance/planner.test.ts) and the strict-index check asks it the same question the
 * storage does when it runs the query.
 */
import { type Doc, isPlainObject } from './ejson';
import { keyOf, nextTag, tagOf } from './keys';

export type OrderSpec = [string, 1 | -1][];

/** What the planner needs to know of an index. */
export interface PlannedIndex {
  readonly fields: string[];
}

export interface Bound {
  k: string;
  incl: boolean;
}
interface FieldCond {
  eq?: string[];
  lo?: Bound;
  hi?: Bound;
}

export interface IndexPlan<I extends PlannedIndex = PlannedIndex> {
  kind: 'index';
  index: I;
  /** accepted keys of each leading equality field */
  eq: string[][];
  lo?: Bound;
  hi?: Bound;
  /** position of the first non-equality field */
  p: number;
}
export interface IdPlan {
  kind: 'id';
  ids: string[];
}
export interface OrPlan<I extends PlannedIndex = PlannedIndex> {
  kind: 'or';
  branches: Plan<I>[];
}
export interface ScanPlan {
  kind: 'scan';
}
export type Plan<I extends PlannedIndex = PlannedIndex> = IndexPlan<I> | IdPlan | OrPlan<I> | ScanPlan;

function isScalarKeyable(v: unknown): boolean {
  return (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    v instanceof Date ||
    (isPlainObject(v) && !Object.keys(v).some((k) => k.startsWith('$')))
  );
}

/** What an index can use from one field's condition. */
function condOf(value: unknown): FieldCond | null {
  if (value instanceof RegExp || Array.isArray(value)) return null;
  if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) {
    return isScalarKeyable(value) ? { eq: [keyOf(value)] } : null;
  }
  const c: FieldCond = {};
  for (const [op, arg] of Object.entries(value)) {
    switch (op) {
      case '$eq':
        if (isScalarKeyable(arg) && !c.eq) c.eq = [keyOf(arg)];
        break;
      case '$in':
        if (Array.isArray(arg) && arg.every(isScalarKeyable) && !c.eq) c.eq = Array.from(new Set(arg.map(keyOf)));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte': {
        if (!(typeof arg === 'number' || typeof arg === 'string' || arg instanceof Date)) break;
        const k = keyOf(arg);
        const tag = tagOf(k);
        // comparisons stay within the argument's type bracket, as in MongoDB
        if (op === '$gt' || op === '$gte') {
          mergeLo(c, { k, incl: op === '$gte' });
          mergeHi(c, { k: nextTag(tag), incl: false });
        } else {
          mergeHi(c, { k, incl: op === '$lte' });
          mergeLo(c, { k: tag, incl: true });
        }
        break;
      }
      default:
        break;
    }
  }
  return c.eq || c.lo || c.hi ? c : null;
}

function mergeLo(c: FieldCond, b: Bound): void {
  if (!c.lo || b.k > c.lo.k || (b.k === c.lo.k && !b.incl)) c.lo = b;
}
function mergeHi(c: FieldCond, b: Bound): void {
  if (!c.hi || b.k < c.hi.k || (b.k === c.hi.k && !b.incl)) c.hi = b;
}

function mergeCond(a: FieldCond | undefined, b: FieldCond): FieldCond {
  if (!a) return b;
  if (a.eq && (!b.eq || a.eq.length <= b.eq.length)) return a;
  if (b.eq) return b;
  const c: FieldCond = { ...a };
  if (b.lo) mergeLo(c, b.lo);
  if (b.hi) mergeHi(c, b.hi);
  return c;
}

/** Conditions on fields from the top level of a filter and its (nested) top-level $and. */
function fieldConds(filter: Doc, out = new Map<string, FieldCond>()): Map<string, FieldCond> {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) if (isPlainObject(sub)) fieldConds(sub, out);
      continue;
    }
    if (k.startsWith('$')) continue;
    const c = condOf(v);
    if (c) out.set(k, mergeCond(out.get(k), c));
  }
  return out;
}

function orBranches(filter: Doc): Doc[][] {
  const res: Doc[][] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$or' && Array.isArray(v)) res.push(v.filter(isPlainObject) as Doc[]);
    if (k === '$and' && Array.isArray(v)) for (const sub of v) if (isPlainObject(sub)) res.push(...orBranches(sub));
  }
  return res;
}

/** Every index that can narrow the filter (an equality prefix or a range on its first free field). */
function indexCandidates<I extends PlannedIndex>(conds: Map<string, FieldCond>, indexes: readonly I[]): IndexPlan<I>[] {
  const out: IndexPlan<I>[] = [];
  for (const ix of indexes) {
    const fields = ix.fields;
    const eq: string[][] = [];
    let p = 0;
    while (p < fields.length) {
      const c = conds.get(fields[p]);
      if (!c?.eq) break;
      eq.push(c.eq);
      p++;
    }
    let lo: Bound | undefined;
    let hi: Bound | undefined;
    if (p < fields.length) {
      const c = conds.get(fields[p]);
      if (c && !c.eq) {
        lo = c.lo;
        hi = c.hi;
      }
    }
    if (p > 0 || lo || hi) out.push({ kind: 'index', index: ix, eq, lo, hi, p });
  }
  return out;
}

/** The plan the storage runs: by _id, else the best index, else an $or of served branches, else a scan. */
export function plan<I extends PlannedIndex>(filter: Doc, indexes: readonly I[], order?: OrderSpec): Plan<I> {
  const conds = fieldConds(filter);
  const idc = conds.get('_id');
  if (idc?.eq) return { kind: 'id', ids: idc.eq };
  let best: IndexPlan<I> | null = null;
  let bestScore = 0;
  for (const cand of indexCandidates(conds, indexes)) {
    // prefer more equality fields, then a range, then an index that also yields the requested order
    const score = cand.p * 4 + (cand.lo || cand.hi ? 2 : 0) + (order && orderPushable(cand, order) ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = cand;
    }
  }
  if (best) return best;
  for (const branches of orBranches(filter)) {
    const plans = branches.map((b) => plan(b, indexes));
    if (plans.length && plans.every((pl) => pl.kind !== 'scan')) return { kind: 'or', branches: plans };
  }
  return { kind: 'scan' };
}

/**
 * Whether walking the plan's index yields documents in `order`: the order's fields follow the
 * equality prefix, optionally ending with _id (the side tables' tie-breaker). With `mergeIn`, an
 * equality prefix given as $in counts too (MongoDB merges the sorted runs; the storage here sorts).
 */
export function orderPushable(pl: IndexPlan, order: OrderSpec | undefined, mergeIn = false): boolean {
  if (!order || order.length === 0) return true;
  if (!mergeIn && pl.eq.some((e) => e.length > 1)) return false;
  const fields = pl.index.fields;
  // a field the filter fixes to one value sorts nothing
  const fixed = new Set(fields.filter((_, i) => i < pl.p && pl.eq[i].length === 1));
  let next = pl.p;
  for (let i = 0; i < order.length; i++) {
    const f = order[i][0];
    if (fixed.has(f)) continue;
    if (next < fields.length && fields[next] === f) {
      next++;
      continue;
    }
    if (f === '_id' && i === order.length - 1) continue;
    return false;
  }
  return true;
}

/** An index that can stream an ordered scan of the whole collection (empty filter + orderBy). */
export function orderedFullPlan<I extends PlannedIndex>(indexes: readonly I[], order: OrderSpec): IndexPlan<I> | null {
  for (const ix of indexes) {
    if (ix.fields[0] === order[0][0]) {
      const pl: IndexPlan<I> = { kind: 'index', index: ix, eq: [], p: 0 };
      if (orderPushable(pl, order)) return pl;
    }
  }
  return null;
}

/** Whether every branch of a plan reads its documents in `order` from an index (or is a single document). */
function ordered(pl: Plan, order: OrderSpec): boolean {
  if (pl.kind === 'id') return pl.ids.length <= 1;
  if (pl.kind === 'or') return pl.branches.every((b) => ordered(b, order));
  if (pl.kind === 'index') return orderPushable(pl, order, true);
  return false;
}

/**
 * Whether an index serves a query (the strict-index check): the filter is narrowed by an index
 * (or is empty, for a count), and an order, when given, is the order of an index the filter uses
 * — a sort no index covers is a finding, as a filter no index serves is.
 */
export function served(
  filter: Doc,
  indexes: readonly PlannedIndex[],
  order: OrderSpec | undefined,
  forCount: boolean,
): boolean {
  const sorted = order && order.length ? order : undefined;
  if (Object.keys(filter).length === 0) {
    if (!sorted) return forCount;
    return orderedFullPlan(indexes, sorted) !== null;
  }
  const pl = plan(filter, indexes);
  if (pl.kind === 'scan') return false;
  if (!sorted) return true;
  if (ordered(pl, sorted)) return true;
  // another index the filter can use may yield the order even if it is not the planner's first choice
  return indexCandidates(fieldConds(filter), indexes).some((c) => orderPushable(c, sorted, true));
}
