/**
 * SQLite storage of one collection plus its secondary indexes and the query planner.
 *
 * Layout: table `c$<name>` (_id TEXT PRIMARY KEY = type-tagged key of the document's _id,
 * doc TEXT = EJSON of the document, version INTEGER bumped on every write); one side table per
 * declared index, `x$<name>$<index>` (k0..kn TEXT, id TEXT) holding one row per key tuple
 * (multikey: one row per array element), kept in the same SQLite transaction as the write.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Query, find as mingoFind } from 'mingo';
import { type Doc, isPlainObject, parse, stringify } from './ejson';
import { errors } from './errors';
import { indexTuples, keyOf, nextTag, tagOf } from './keys';

export interface IndexSpec {
  name: string;
  fields: [string, 1 | -1][];
  unique?: boolean;
}

export interface Stats {
  /** documents read from a collection table and decoded */
  docsExamined: number;
  /** rows read from index side tables */
  indexRowsExamined: number;
}

type Sql = BetterSqlite3.Database;
type Stmt = BetterSqlite3.Statement;

export type OrderSpec = [string, 1 | -1][];

interface Bound {
  k: string;
  incl: boolean;
}
interface FieldCond {
  eq?: string[];
  lo?: Bound;
  hi?: Bound;
}

interface IndexPlan {
  kind: 'index';
  index: SideIndex;
  eq: string[][];
  lo?: Bound;
  hi?: Bound;
  /** position of the first non-equality field */
  p: number;
}
interface IdPlan {
  kind: 'id';
  ids: string[];
}
interface OrPlan {
  kind: 'or';
  branches: Plan[];
}
interface ScanPlan {
  kind: 'scan';
}
type Plan = IndexPlan | IdPlan | OrPlan | ScanPlan;

export function q(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

class SideIndex {
  readonly table: string;
  readonly cols: string[];
  private insStmt: Stmt;
  private delStmt: Stmt;
  private uniqStmt: Stmt | null;
  constructor(
    private sql: Sql,
    readonly coll: string,
    readonly spec: IndexSpec,
  ) {
    this.table = `x$${coll}$${spec.name}`;
    this.cols = spec.fields.map((_, i) => `k${i}`);
    this.insStmt = sql.prepare(
      `INSERT OR IGNORE INTO ${q(this.table)} (${this.cols.join(',')}, id) VALUES (${this.cols.map(() => '?').join(',')}, ?)`,
    );
    this.delStmt = sql.prepare(`DELETE FROM ${q(this.table)} WHERE id = ?`);
    this.uniqStmt = spec.unique
      ? sql.prepare(
          `SELECT id FROM ${q(this.table)} WHERE ${this.cols.map((c) => `${c} = ?`).join(' AND ')} AND id != ? LIMIT 1`,
        )
      : null;
  }
  get fields(): string[] {
    return this.spec.fields.map((f) => f[0]);
  }
  static create(sql: Sql, coll: string, spec: IndexSpec): void {
    const table = `x$${coll}$${spec.name}`;
    const cols = spec.fields.map((_, i) => `k${i}`);
    sql.exec(
      `CREATE TABLE IF NOT EXISTS ${q(table)} (${cols.map((c) => `${c} TEXT NOT NULL`).join(', ')}, id TEXT NOT NULL, PRIMARY KEY (${cols.join(', ')}, id)) WITHOUT ROWID`,
    );
    sql.exec(`CREATE INDEX IF NOT EXISTS ${q(table + '$id')} ON ${q(table)} (id)`);
  }
  tuples(doc: Doc): string[][] {
    return indexTuples(doc, this.fields);
  }
  checkUnique(idKey: string, doc: Doc): void {
    if (!this.uniqStmt) return;
    for (const t of this.tuples(doc)) {
      const hit = this.uniqStmt.get(...t, idKey);
      if (hit) {
        const shown = this.fields.map((f, i) => `${f}: ${JSON.stringify(t[i].slice(1))}`).join(', ');
        throw errors.duplicateKey(this.coll, this.spec.name, `{ ${shown} }`);
      }
    }
  }
  add(idKey: string, doc: Doc): void {
    for (const t of this.tuples(doc)) this.insStmt.run(...t, idKey);
  }
  remove(idKey: string): void {
    this.delStmt.run(idKey);
  }
}

function sameTuples(a: string[][], b: string[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== b[i].length) return false;
    for (let j = 0; j < a[i].length; j++) if (a[i][j] !== b[i][j]) return false;
  }
  return true;
}

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

export interface FindOptions {
  filter: Doc;
  order?: OrderSpec;
  skip?: number;
  limit?: number;
}

export class Collection {
  readonly table: string;
  indexes: SideIndex[] = [];
  private getStmt: Stmt;
  private verStmt: Stmt;
  private insStmt: Stmt;
  private updStmt: Stmt;
  private delStmt: Stmt;
  private scanStmt: Stmt;
  private countStmt: Stmt;

  constructor(
    private sql: Sql,
    readonly name: string,
    readonly declared: boolean,
    specs: IndexSpec[],
    private stats: Stats,
  ) {
    this.table = `c$${name}`;
    sql.exec(
      `CREATE TABLE IF NOT EXISTS ${q(this.table)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL, version INTEGER NOT NULL)`,
    );
    this.getStmt = sql.prepare(`SELECT doc FROM ${q(this.table)} WHERE _id = ?`);
    this.verStmt = sql.prepare(`SELECT version FROM ${q(this.table)} WHERE _id = ?`);
    this.insStmt = sql.prepare(`INSERT INTO ${q(this.table)} (_id, doc, version) VALUES (?, ?, 1)`);
    this.updStmt = sql.prepare(`UPDATE ${q(this.table)} SET doc = ?, version = version + 1 WHERE _id = ?`);
    this.delStmt = sql.prepare(`DELETE FROM ${q(this.table)} WHERE _id = ?`);
    this.scanStmt = sql.prepare(`SELECT doc FROM ${q(this.table)} ORDER BY rowid`);
    this.countStmt = sql.prepare(`SELECT COUNT(*) AS n FROM ${q(this.table)}`);
    this.setIndexes(specs, false);
  }

  /** (Re)build side tables; `rebuild` drops and refills them from the documents. */
  setIndexes(specs: IndexSpec[], rebuild: boolean): void {
    for (const s of specs) {
      const table = `x$${this.name}$${s.name}`;
      const exists = this.sql.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(table);
      if (rebuild && exists) this.sql.exec(`DROP TABLE ${q(table)}`);
      SideIndex.create(this.sql, this.name, s);
      const idx = new SideIndex(this.sql, this.name, s);
      if (rebuild || !exists) {
        for (const row of this.scanStmt.iterate() as Iterable<{ doc: string }>) {
          const doc = parse(row.doc) as Doc;
          idx.add(keyOf(doc._id), doc);
        }
      }
      this.indexes = this.indexes.filter((i) => i.spec.name !== s.name);
      this.indexes.push(idx);
    }
  }

  static dropIndexTable(sql: Sql, coll: string, index: string): void {
    sql.exec(`DROP TABLE IF EXISTS ${q(`x$${coll}$${index}`)}`);
  }

  // ---------- raw access ----------

  getById(idKey: string): Doc | null {
    const row = this.getStmt.get(idKey) as { doc: string } | undefined;
    if (!row) return null;
    this.stats.docsExamined++;
    return parse(row.doc) as Doc;
  }

  version(idKey: string): number | null {
    const row = this.verStmt.get(idKey) as { version: number } | undefined;
    return row ? row.version : null;
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n;
  }

  /** Write a document (insert when old is null, delete when doc is null). Caller holds a SQLite tx. */
  write(idKey: string, old: Doc | null, doc: Doc | null): void {
    if (doc && !old) {
      if (this.getStmt.get(idKey)) {
        throw errors.duplicateKey(this.name, '_id_', `{ _id: ${JSON.stringify(doc._id)} }`);
      }
      for (const ix of this.indexes) ix.checkUnique(idKey, doc);
      this.insStmt.run(idKey, stringify(doc));
      for (const ix of this.indexes) ix.add(idKey, doc);
    } else if (doc && old) {
      const changed: SideIndex[] = [];
      for (const ix of this.indexes) {
        if (!sameTuples(ix.tuples(old), ix.tuples(doc))) {
          ix.checkUnique(idKey, doc);
          changed.push(ix);
        }
      }
      this.updStmt.run(stringify(doc), idKey);
      for (const ix of changed) {
        ix.remove(idKey);
        ix.add(idKey, doc);
      }
    } else if (!doc && old) {
      this.delStmt.run(idKey);
      for (const ix of this.indexes) ix.remove(idKey);
    }
  }

  // ---------- planning ----------

  plan(filter: Doc, order?: OrderSpec): Plan {
    const conds = fieldConds(filter);
    const idc = conds.get('_id');
    if (idc?.eq) return { kind: 'id', ids: idc.eq };
    let best: IndexPlan | null = null;
    let bestScore = 0;
    for (const ix of this.indexes) {
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
      const cand: IndexPlan = { kind: 'index', index: ix, eq, lo, hi, p };
      // prefer more equality fields, then a range, then an index that also yields the requested order
      const score =
        p * 4 + (lo || hi ? 2 : 0) + (p > 0 || lo || hi ? (order && this.orderPushable(cand, order) ? 1 : 0) : 0);
      if (score > bestScore && (p > 0 || lo || hi)) {
        bestScore = score;
        best = cand;
      }
    }
    if (best) return best;
    for (const branches of orBranches(filter)) {
      const plans = branches.map((b) => this.plan(b));
      if (plans.length && plans.every((pl) => pl.kind !== 'scan')) return { kind: 'or', branches: plans };
    }
    return { kind: 'scan' };
  }

  /** An index that can stream an ordered scan of the whole collection (empty filter + orderBy). */
  private orderedFullPlan(order: OrderSpec): IndexPlan | null {
    for (const ix of this.indexes) {
      if (ix.fields[0] === order[0][0]) {
        const pl: IndexPlan = { kind: 'index', index: ix, eq: [], p: 0 };
        if (this.orderPushable(pl, order)) return pl;
      }
    }
    return null;
  }

  /** Whether a query on this collection is served by an index (strict mode). */
  served(filter: Doc, order: OrderSpec | undefined, forCount: boolean): boolean {
    if (this.plan(filter).kind !== 'scan') return true;
    if (Object.keys(filter).length === 0) {
      if (forCount) return true;
      if (order && order.length && this.indexes.some((ix) => ix.fields[0] === order[0][0])) return true;
    }
    return false;
  }

  private orderPushable(pl: IndexPlan, order: OrderSpec | undefined): boolean {
    if (!order || order.length === 0) return true;
    if (pl.eq.some((e) => e.length > 1)) return false;
    const fields = pl.index.fields;
    for (let i = 0; i < order.length; i++) {
      const f = order[i][0];
      if (pl.p + i < fields.length && fields[pl.p + i] === f) continue;
      if (f === '_id' && i === order.length - 1) continue;
      return false;
    }
    return true;
  }

  private indexSql(pl: IndexPlan, order: OrderSpec | undefined, distinct: boolean): { sql: string; args: string[] } {
    const ix = pl.index;
    const where: string[] = [];
    const args: string[] = [];
    pl.eq.forEach((keys, i) => {
      if (keys.length === 1) {
        where.push(`k${i} = ?`);
        args.push(keys[0]);
      } else {
        where.push(`k${i} IN (${keys.map(() => '?').join(',')})`);
        args.push(...keys);
      }
    });
    if (pl.lo) {
      where.push(`k${pl.p} ${pl.lo.incl ? '>=' : '>'} ?`);
      args.push(pl.lo.k);
    }
    if (pl.hi) {
      where.push(`k${pl.p} ${pl.hi.incl ? '<=' : '<'} ?`);
      args.push(pl.hi.k);
    }
    let orderSql = '';
    if (order && order.length) {
      const parts = order.map(([f, d], i) => {
        const col = pl.p + i < ix.fields.length && ix.fields[pl.p + i] === f ? `k${pl.p + i}` : 'id';
        return `${col} ${d === -1 ? 'DESC' : 'ASC'}`;
      });
      orderSql = ` ORDER BY ${parts.join(', ')}`;
    }
    const sel = distinct ? 'SELECT DISTINCT id' : 'SELECT id';
    return {
      sql: `${sel} FROM ${q(ix.table)}${where.length ? ' WHERE ' + where.join(' AND ') : ''}${orderSql}`,
      args,
    };
  }

  private stmtCache = new Map<string, Stmt>();
  private prepared(sql: string): Stmt {
    let s = this.stmtCache.get(sql);
    if (!s) {
      s = this.sql.prepare(sql);
      if (this.stmtCache.size > 500) this.stmtCache.clear();
      this.stmtCache.set(sql, s);
    }
    return s;
  }

  private candidateIds(pl: Plan, out: Set<string>): void {
    if (pl.kind === 'id') {
      for (const id of pl.ids) out.add(id);
    } else if (pl.kind === 'or') {
      for (const b of pl.branches) this.candidateIds(b, out);
    } else if (pl.kind === 'index') {
      const { sql, args } = this.indexSql(pl, undefined, true);
      for (const row of this.prepared(sql).iterate(...args) as Iterable<{ id: string }>) {
        this.stats.indexRowsExamined++;
        out.add(row.id);
      }
    }
  }

  /** Run a query: filter + order + skip + limit (limit Infinity = all). */
  find(opts: FindOptions): Doc[] {
    const filter = opts.filter;
    const order = opts.order && opts.order.length ? opts.order : undefined;
    const skip = opts.skip ?? 0;
    const limit = opts.limit ?? Infinity;
    const want = skip + limit;
    const query = new Query(filter);
    let pl = this.plan(filter, order);
    if (pl.kind === 'scan' && order && Object.keys(filter).length === 0) {
      const full = this.orderedFullPlan(order);
      if (full) pl = full;
    }

    // Streaming: walk the index in the requested order, stop once enough documents matched.
    if (pl.kind === 'index' && this.orderPushable(pl, order)) {
      const { sql, args } = this.indexSql(pl, order, false);
      const seen = new Set<string>();
      const out: Doc[] = [];
      if (want <= 0) return out;
      for (const row of this.prepared(sql).iterate(...args) as Iterable<{ id: string }>) {
        this.stats.indexRowsExamined++;
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        const doc = this.getById(row.id);
        if (doc && query.test(doc)) {
          out.push(doc);
          if (out.length >= want) break;
        }
      }
      return out.slice(skip);
    }

    let docs: Doc[] = [];
    if (pl.kind === 'scan') {
      for (const row of this.scanStmt.iterate() as Iterable<{ doc: string }>) {
        this.stats.docsExamined++;
        const doc = parse(row.doc) as Doc;
        if (query.test(doc)) {
          docs.push(doc);
          if (!order && docs.length >= want) break;
        }
      }
    } else {
      const ids = new Set<string>();
      this.candidateIds(pl, ids);
      for (const id of ids) {
        const doc = this.getById(id);
        if (doc && query.test(doc)) docs.push(doc);
      }
    }
    if (order) {
      const spec: Record<string, 1 | -1> = {};
      for (const [f, d] of order) spec[f] = d;
      docs = mingoFind(docs, {}).sort(spec).all() as Doc[];
    }
    return docs.slice(skip, Number.isFinite(limit) ? want : undefined);
  }

  /** Count matching documents. */
  countMatching(filter: Doc): number {
    if (Object.keys(filter).length === 0) return this.count();
    return this.find({ filter }).length;
  }
}
