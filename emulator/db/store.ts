/**
 * SQLite storage of one collection plus its secondary indexes; planner.ts decides which index a
 * query uses, this file runs the plan.
 *
 * Layout: table `c$<name>` (_id TEXT PRIMARY KEY = type-tagged key of the document's _id,
 * doc TEXT = EJSON of the document, version INTEGER bumped on every write); one side table per
 * declared index, `x$<name>$<index>` (k0..kn TEXT, id TEXT) holding one row per key tuple
 * (multikey: one row per array element), kept in the same SQLite transaction as the write.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { type Doc, parse, stringify } from './ejson';
import { errors } from './errors';
import { indexTuples, keyOf } from './keys';
import { MongoQuery, mongoSort } from './mongo';
import { type IndexPlan, type OrderSpec, type Plan, orderPushable, orderedFullPlan, plan, served } from './planner';

export type { OrderSpec } from './planner';

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

  /** Told of every write before it happens, with the version it replaces (transactions keep snapshots by it). */
  beforeWrite: (coll: string, idKey: string, old: Doc | null) => void = () => undefined;

  /** Write a document (insert when old is null, delete when doc is null). Caller holds a SQLite tx. */
  write(idKey: string, old: Doc | null, doc: Doc | null): void {
    if (old || doc) this.beforeWrite(this.name, idKey, old);
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

  plan(filter: Doc, order?: OrderSpec): Plan<SideIndex> {
    return plan(filter, this.indexes, order);
  }

  /** Whether a query on this collection is served by an index (strict mode). */
  served(filter: Doc, order: OrderSpec | undefined, forCount: boolean): boolean {
    return served(filter, this.indexes, order, forCount);
  }

  private indexSql(
    pl: IndexPlan<SideIndex>,
    order: OrderSpec | undefined,
    distinct: boolean,
  ): { sql: string; args: string[] } {
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
      // the columns orderPushable() matched: fields fixed by an equality sort nothing, the rest follow the prefix
      let next = pl.p;
      const parts: string[] = [];
      for (const [f, d] of order) {
        const fixedAt = ix.fields.indexOf(f);
        if (fixedAt >= 0 && fixedAt < pl.p && pl.eq[fixedAt].length === 1) continue;
        const col = next < ix.fields.length && ix.fields[next] === f ? `k${next++}` : 'id';
        parts.push(`${col} ${d === -1 ? 'DESC' : 'ASC'}`);
      }
      if (parts.length) orderSql = ` ORDER BY ${parts.join(', ')}`;
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

  private candidateIds(pl: Plan<SideIndex>, out: Set<string>): void {
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
    const query = new MongoQuery(filter);
    let pl = this.plan(filter, order);
    if (pl.kind === 'scan' && order && Object.keys(filter).length === 0) {
      const full = orderedFullPlan(this.indexes, order);
      if (full) pl = full;
    }

    // Streaming: walk the index in the requested order, stop once enough documents matched.
    if (pl.kind === 'index' && orderPushable(pl, order)) {
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
      docs = mongoSort(docs, spec);
    }
    return docs.slice(skip, Number.isFinite(limit) ? want : undefined);
  }

  /** Count matching documents. */
  countMatching(filter: Doc): number {
    if (Object.keys(filter).length === 0) return this.count();
    return this.find({ filter }).length;
  }
}
