/**
 * Local emulation of the WeChat Cloud (CloudBase) database, speaking the wire protocol of
 * @cloudbase/database 1.4 as used by wx-server-sdk 4 (`POST /admin` bodies with `action: database.*`).
 * See errors.ts for the error codes and where they come from.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Aggregator, find as mingoFind, update as mingoUpdate } from 'mingo';
import type { CollectionDecl } from '../types';
import { type Doc, clone, decode, isPlainObject, parse, stringify } from './ejson';
import { DbError, errors } from './errors';
import { keyOf, pathValues } from './keys';
import { Collection, type IndexSpec, type OrderSpec, type Stats } from './store';

export type { CollectionDecl } from '../types';
export { DbError } from './errors';

export interface DatabaseOptions {
  /** data directory; SQLite file at <dir>/db.sqlite (created if missing) */
  dir: string;
  /** declared collections (created with their indexes at open) */
  collections: CollectionDecl[];
  /** a query on a declared collection that no index serves answers an error naming the collection and query */
  strictIndexes?: boolean;
}

export type JsonObject = Record<string, unknown>;

/** getDocument: default and maximum page size (the SDK sends 100 when no limit is given). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
/** aggregate without a $limit stage answers at most this many documents, like production. */
const AGGREGATE_DEFAULT_LIMIT = 20;
/** how long a transaction waits for a document locked by another one before failing with a conflict */
const LOCK_WAIT_MS = 5000;
/** an idle transaction is aborted after this long (releases its locks) */
const TXN_IDLE_MS = 30000;

interface Waiter {
  txn: Txn;
  resolve: () => void;
  reject: (e: unknown) => void;
  timer: NodeJS.Timeout;
}
interface Lock {
  owner: Txn;
  waiters: Waiter[];
}
interface Txn {
  id: string;
  /** coll → idKey → new document (null = deleted) */
  writes: Map<string, Map<string, Doc | null>>;
  /** lock key → version seen when the lock was taken */
  versions: Map<string, { coll: string; idKey: string; version: number | null }>;
  locks: Set<string>;
  waitingFor: string | null;
  timer: NodeJS.Timeout | null;
  done: boolean;
  /** set when the transaction can no longer commit (deadlock, lock timeout): commit answers a conflict */
  doomed: string | null;
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function parseMaybe(v: unknown, now: number): unknown {
  if (typeof v === 'string') {
    if (v === '') return undefined;
    return parse(v, now);
  }
  return decode(v, now);
}

let idCounter = randomBytes(3).readUIntBE(0, 3);
const idProcess = randomBytes(5).toString('hex');
/**
 * 32 hex characters like production ids; time-prefixed (as production's are) so that inserts append
 * to the primary-key B-tree instead of landing on random pages.
 */
function newId(): string {
  idCounter = (idCounter + 1) % 0xffffff;
  return (
    Math.floor(Date.now() / 1000)
      .toString(16)
      .padStart(8, '0') +
    idProcess +
    idCounter.toString(16).padStart(6, '0') +
    randomBytes(4).toString('hex') +
    '0'
  ).slice(0, 32);
}

function hasOperators(d: Doc): boolean {
  return Object.keys(d).some((k) => k.startsWith('$'));
}

function touchesId(modifier: Doc): boolean {
  for (const [op, spec] of Object.entries(modifier)) {
    if (!op.startsWith('$') || !isPlainObject(spec)) continue;
    for (const k of Object.keys(spec)) if (k === '_id' || k.startsWith('_id.')) return true;
  }
  return false;
}

export class Database {
  /** Round trips served so far (one per handle() call). */
  roundTrips = 0;
  /** Work counters for performance tests. */
  readonly stats: Stats = { docsExamined: 0, indexRowsExamined: 0 };

  private sql: BetterSqlite3.Database;
  private colls = new Map<string, Collection>();
  private strict: boolean;
  private txns = new Map<string, Txn>();
  private locks = new Map<string, Lock>();
  private closed = false;

  constructor(opts: DatabaseOptions) {
    mkdirSync(opts.dir, { recursive: true });
    this.sql = new BetterSqlite3(path.join(opts.dir, 'db.sqlite'));
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('synchronous = FULL');
    this.sql.pragma('busy_timeout = 5000');
    this.sql.pragma('cache_size = -65536');
    this.sql.pragma('temp_store = MEMORY');
    this.sql.pragma('wal_autocheckpoint = 10000');
    this.strict = !!opts.strictIndexes;
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, declared INTEGER NOT NULL, indexes TEXT NOT NULL)',
    );
    const open = this.sql.transaction(() => {
      const stored = new Map<string, IndexSpec[]>();
      for (const row of this.sql.prepare('SELECT name, indexes FROM _collections').all() as {
        name: string;
        indexes: string;
      }[]) {
        stored.set(row.name, JSON.parse(row.indexes) as IndexSpec[]);
      }
      const upsert = this.sql.prepare(
        'INSERT INTO _collections (name, declared, indexes) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET declared = excluded.declared, indexes = excluded.indexes',
      );
      for (const decl of opts.collections) {
        const specs: IndexSpec[] = decl.indexes.map((i) => ({
          name: i.name,
          fields: i.fields.map(([f, d]) => [f, d] as [string, 1 | -1]),
          unique: !!i.unique,
        }));
        const old = stored.get(decl.name) ?? [];
        for (const o of old) {
          const now = specs.find((s) => s.name === o.name);
          if (!now || JSON.stringify(now) !== JSON.stringify(o)) Collection.dropIndexTable(this.sql, decl.name, o.name);
        }
        this.colls.set(decl.name, new Collection(this.sql, decl.name, true, specs, this.stats));
        upsert.run(decl.name, 1, JSON.stringify(specs));
        stored.delete(decl.name);
      }
      for (const [name, specs] of stored) {
        this.colls.set(name, new Collection(this.sql, name, false, specs, this.stats));
        upsert.run(name, 0, JSON.stringify(specs));
      }
    });
    open();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.txns.values()) this.abortTxn(t);
    this.sql.close();
  }

  /** Handle one SDK request body whose action starts with "database.". Never throws. */
  async handle(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.roundTrips++;
    const requestId = randomUUID();
    try {
      const res = await this.dispatch(body);
      return { requestId, ...res };
    } catch (e) {
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
      const msg = e instanceof Error ? e.message : String(e);
      return { code: 'DATABASE_REQUEST_FAILED', message: `[FailedOperation] ${msg}`, requestId };
    }
  }

  // ------------------------------------------------------------------ dispatch

  private async dispatch(body: Record<string, unknown>): Promise<JsonObject> {
    if (this.closed) throw errors.requestFailed('database closed');
    const action = String(body.action ?? '');
    const now = Date.now();
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(body);
      case 'database.getDocument':
        return this.getDocument(body, now);
      case 'database.calculateDocument':
        return this.calculateDocument(body, now);
      case 'database.insertDocument':
        return this.insertDocument(body, now);
      case 'database.modifyDocument':
        return this.modifyDocument(body, now, false);
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(body, now, true);
      case 'database.removeDocument':
        return this.removeDocument(body, now);
      case 'database.aggregateDocuments':
      case 'database.aggregate':
        return this.aggregate(body, now);
      case 'database.startTransaction':
        return this.startTransaction();
      case 'database.commitTransaction':
        return this.commitTransaction(body);
      case 'database.abortTransaction':
        return this.abortTransaction(body);
      case 'database.getInTransaction':
        return this.getInTransaction(body);
      case 'database.updateDocInTransaction':
        return this.updateDocInTransaction(body, now);
      case 'database.deleteDocInTransaction':
        return this.deleteDocInTransaction(body);
      case 'database.insertDocInTransaction':
        return this.insertDocument(body, now);
      default:
        throw new DbError('INVALID_ACTION', `[InvalidAction] unsupported database action: ${action}`);
    }
  }

  private coll(body: Record<string, unknown>): Collection {
    const name = asString(body.collectionName) ?? '';
    const c = this.colls.get(name);
    if (!c) throw errors.collectionNotExist(name);
    return c;
  }

  private filterOf(body: Record<string, unknown>, now: number): Doc {
    const f = parseMaybe(body.query, now);
    if (f === undefined || f === null) return {};
    if (!isPlainObject(f)) throw errors.invalidParam('query must be an object');
    return f;
  }

  private orderOf(body: Record<string, unknown>, now: number): OrderSpec | undefined {
    const o = parseMaybe(body.order, now);
    if (!o) return undefined;
    const out: OrderSpec = [];
    if (Array.isArray(o)) {
      for (const e of o) {
        if (isPlainObject(e) && typeof e.field === 'string')
          out.push([e.field, e.direction === 'desc' || e.direction === -1 ? -1 : 1]);
      }
    } else if (isPlainObject(o)) {
      for (const [f, d] of Object.entries(o)) out.push([f, d === -1 || d === 'desc' ? -1 : 1]);
    }
    return out.length ? out : undefined;
  }

  private checkServed(c: Collection, filter: Doc, order: OrderSpec | undefined, forCount: boolean, what: string): void {
    if (!this.strict || !c.declared) return;
    if (c.served(filter, order, forCount)) return;
    const shown = JSON.stringify({ query: JSON.parse(stringify(filter)), ...(order ? { orderBy: order } : {}) });
    throw errors.noIndex(c.name, `${what} ${shown}`);
  }

  // ------------------------------------------------------------------ collections

  private addCollection(body: Record<string, unknown>): JsonObject {
    const name = asString(body.collectionName) ?? '';
    if (!/^[A-Za-z0-9_\-.]{1,128}$/.test(name)) throw errors.invalidParam(`invalid collection name: ${name}`);
    if (this.colls.has(name)) throw errors.collectionExists(name);
    const tx = this.sql.transaction(() => {
      this.colls.set(name, new Collection(this.sql, name, false, [], this.stats));
      this.sql
        .prepare('INSERT OR REPLACE INTO _collections (name, declared, indexes) VALUES (?, 0, ?)')
        .run(name, '[]');
    });
    tx();
    return {};
  }

  // ------------------------------------------------------------------ reads

  private async getDocument(body: Record<string, unknown>, now: number): Promise<JsonObject> {
    const c = this.coll(body);
    const filter = this.filterOf(body, now);
    const order = this.orderOf(body, now);
    const rawLimit = body.limit === undefined || body.limit === null ? DEFAULT_LIMIT : Number(body.limit);
    if (!Number.isInteger(rawLimit) || rawLimit < 0) throw errors.invalidParam('limit must be a non-negative integer');
    if (rawLimit > MAX_LIMIT) throw errors.invalidParam(`limit must be less than or equal to ${MAX_LIMIT}`);
    const limit = rawLimit === 0 ? DEFAULT_LIMIT : rawLimit;
    const offset = Number(body.offset ?? 0) || 0;
    const projection = parseMaybe(body.projection, now);
    const txn = this.txnOf(body);

    let docs: Doc[];
    if (txn && body.queryType === 'DOC' && filter._id !== undefined) {
      const d = await this.txnRead(txn, c, filter._id);
      docs = d ? [d] : [];
    } else {
      this.checkServed(c, filter, order, false, 'get');
      if (txn) {
        docs = this.txnFind(txn, c, filter, order, offset, limit);
      } else {
        docs = c.find({ filter, order, skip: offset, limit });
      }
    }
    if (isPlainObject(projection) && Object.keys(projection).length) {
      docs = mingoFind(docs, {}, projection).all() as Doc[];
    }
    return { data: { list: docs.map((d) => stringify(d)), offset, limit } };
  }

  private calculateDocument(body: Record<string, unknown>, now: number): JsonObject {
    const c = this.coll(body);
    const filter = this.filterOf(body, now);
    this.checkServed(c, filter, undefined, true, 'count');
    return { data: { total: c.countMatching(filter) } };
  }

  // ------------------------------------------------------------------ writes

  private commit<T>(fn: () => T): T {
    return this.sql.transaction(fn)();
  }

  private async insertDocument(body: Record<string, unknown>, now: number): Promise<JsonObject> {
    const c = this.coll(body);
    const raw = Array.isArray(body.data) ? body.data : [body.data];
    const docs: Doc[] = raw.map((r) => {
      const d = parseMaybe(r, now);
      if (!isPlainObject(d)) throw errors.invalidParam('data must be an object');
      if (d._id === undefined || d._id === null || d._id === '') d._id = newId();
      return d;
    });
    const txn = this.txnOf(body);
    if (txn) {
      const ids: unknown[] = [];
      for (const d of docs) {
        const idKey = keyOf(d._id);
        await this.acquire(txn, c, idKey);
        if (this.txnView(txn, c, idKey)) throw errors.duplicateKey(c.name, '_id_', `{ _id: ${JSON.stringify(d._id)} }`);
        this.txnWrite(txn, c, idKey, d);
        ids.push(d._id);
      }
      return { data: { insertedIds: ids }, inserted: ids.length, ok: 1 };
    }
    this.commit(() => {
      for (const d of docs) c.write(keyOf(d._id), null, d);
    });
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  /** Compute the new version of `doc` (null when nothing changes). */
  private applyUpdate(doc: Doc, data: Doc, merge: boolean): Doc | null {
    if (!merge) {
      if (hasOperators(data)) throw errors.invalidOperator('set() data must not contain update operators');
      const next: Doc = { _id: doc._id };
      for (const [k, v] of Object.entries(data)) if (k !== '_id') next[k] = clone(v);
      if ('_id' in data && keyOf(data._id) !== keyOf(doc._id)) throw errors.immutableId();
      return stringify(next) === stringify(doc) ? null : next;
    }
    const modifier: Doc = {};
    for (const [k, v] of Object.entries(data)) {
      if (k.startsWith('$')) modifier[k] = v;
      else {
        const set = (modifier.$set ?? {}) as Doc;
        set[k] = v;
        modifier.$set = set;
      }
    }
    if (touchesId(modifier)) throw errors.immutableId();
    // db.command.addToSet({each: [...]}) reaches the server as {each}; the service reads it as $each
    if (isPlainObject(modifier.$addToSet)) {
      for (const [k, v] of Object.entries(modifier.$addToSet)) {
        if (isPlainObject(v) && Object.keys(v).length === 1 && Array.isArray(v.each))
          modifier.$addToSet[k] = { $each: v.each };
      }
    }
    const next = clone(doc);
    let changed: string[];
    try {
      changed = mingoUpdate(next, modifier as never, undefined, undefined, { cloneMode: 'deep' });
    } catch (e) {
      throw errors.requestFailed(e instanceof Error ? e.message : String(e));
    }
    if (!changed.length) return null;
    return stringify(next) === stringify(doc) ? null : next;
  }

  private async modifyDocument(body: Record<string, unknown>, now: number, returnDoc: boolean): Promise<JsonObject> {
    const c = this.coll(body);
    const filter = this.filterOf(body, now);
    const dataRaw = parseMaybe(body.data, now);
    if (!isPlainObject(dataRaw)) throw errors.invalidParam('data must be an object');
    const data: Doc = dataRaw;
    const merge = returnDoc ? true : body.merge !== false;
    const upsert = !returnDoc && body.upsert === true;
    const multi = returnDoc ? false : body.multi !== false;
    const txn = this.txnOf(body);

    if (txn) {
      const ids = await this.txnTargets(txn, c, filter, multi);
      let updated = 0;
      let upsertId: unknown;
      let last: Doc | null = null;
      for (const id of ids) {
        const idKey = keyOf(id);
        await this.acquire(txn, c, idKey);
        const cur = this.txnView(txn, c, idKey);
        if (!cur) continue;
        const next = this.applyUpdate(cur, data, merge);
        last = next ?? cur;
        if (next) {
          this.txnWrite(txn, c, idKey, next);
          updated++;
        }
      }
      if (!ids.length && upsert && filter._id !== undefined) {
        const idKey = keyOf(filter._id);
        await this.acquire(txn, c, idKey);
        if (!this.txnView(txn, c, idKey)) {
          const d = this.upsertDoc(filter._id, data, merge);
          this.txnWrite(txn, c, idKey, d);
          upsertId = d._id;
          last = d;
        }
      }
      return this.modifyResult(updated, upsertId, returnDoc, last);
    }

    if (!(body.queryType === 'DOC' && filter._id !== undefined))
      this.checkServed(c, filter, undefined, false, 'update');
    return this.commit(() => {
      const targets = c.find({ filter, limit: multi ? Infinity : 1 });
      let updated = 0;
      let upsertId: unknown;
      let last: Doc | null = null;
      for (const cur of targets) {
        const next = this.applyUpdate(cur, data, merge);
        last = next ?? cur;
        if (next) {
          c.write(keyOf(cur._id), cur, next);
          updated++;
        }
      }
      if (!targets.length && upsert) {
        const d = this.upsertDoc(
          filter._id !== undefined && !isPlainObject(filter._id) ? filter._id : newId(),
          data,
          merge,
        );
        c.write(keyOf(d._id), null, d);
        upsertId = d._id;
        last = d;
      }
      return this.modifyResult(updated, upsertId, returnDoc, last);
    });
  }

  private upsertDoc(id: unknown, data: Doc, merge: boolean): Doc {
    const base: Doc = { _id: id };
    return this.applyUpdate(base, data, merge) ?? base;
  }

  private modifyResult(updated: number, upsertId: unknown, returnDoc: boolean, last: Doc | null): JsonObject {
    if (returnDoc) return { data: { updated, doc: last ? stringify(last) : null } };
    const data: JsonObject = { updated };
    if (upsertId !== undefined) data.upsert_id = upsertId;
    return { data };
  }

  private async removeDocument(body: Record<string, unknown>, now: number): Promise<JsonObject> {
    const c = this.coll(body);
    const filter = this.filterOf(body, now);
    const multi = body.multi !== false;
    const txn = this.txnOf(body);
    if (txn) {
      const ids = await this.txnTargets(txn, c, filter, multi);
      let deleted = 0;
      for (const id of ids) {
        const idKey = keyOf(id);
        await this.acquire(txn, c, idKey);
        if (this.txnView(txn, c, idKey)) {
          this.txnWrite(txn, c, idKey, null);
          deleted++;
        }
      }
      return { data: { deleted } };
    }
    if (!(body.queryType === 'DOC' && filter._id !== undefined))
      this.checkServed(c, filter, undefined, false, 'remove');
    return this.commit(() => {
      const targets = c.find({ filter, limit: multi ? Infinity : 1 });
      for (const d of targets) c.write(keyOf(d._id), d, null);
      return { data: { deleted: targets.length } };
    });
  }

  // ------------------------------------------------------------------ aggregate

  private aggregate(body: Record<string, unknown>, now: number): JsonObject {
    const c = this.coll(body);
    const stagesRaw = Array.isArray(body.stages) ? body.stages : [];
    const pipeline: Doc[] = stagesRaw.map((s) => {
      if (!isPlainObject(s)) throw errors.invalidParam('invalid aggregate stage');
      if (typeof s.stageKey === 'string') {
        const key = s.stageKey.startsWith('$') ? s.stageKey : '$' + s.stageKey;
        return { [key]: parseMaybe(s.stageValue, now) };
      }
      return decode(s, now) as Doc;
    });
    let docs: Doc[];
    let rest = pipeline;
    const first = pipeline[0];
    if (first && isPlainObject(first.$match)) {
      this.checkServed(c, first.$match, undefined, false, 'aggregate $match');
      docs = c.find({ filter: first.$match });
      rest = pipeline.slice(1);
    } else {
      if (this.strict && c.declared) {
        throw errors.noIndex(
          c.name,
          `aggregate without a leading $match ${JSON.stringify(pipeline.map((p) => Object.keys(p)[0]))}`,
        );
      }
      docs = c.find({ filter: {} });
    }
    const hasLimit = pipeline.some((s) => '$limit' in s);
    let segment: Doc[] = [];
    const runSegment = (): void => {
      if (!segment.length) return;
      const agg = new Aggregator(segment, {
        collectionResolver: (name: string) => {
          const fc = this.colls.get(name);
          return fc ? fc.find({ filter: {} }) : [];
        },
      });
      docs = agg.run(docs) as Doc[];
      segment = [];
    };
    for (const stage of rest) {
      const lk = stage.$lookup;
      if (
        isPlainObject(lk) &&
        typeof lk.localField === 'string' &&
        typeof lk.foreignField === 'string' &&
        typeof lk.from === 'string' &&
        typeof lk.as === 'string' &&
        lk.pipeline === undefined
      ) {
        runSegment();
        docs = this.lookup(docs, lk.from, lk.localField, lk.foreignField, lk.as);
      } else {
        segment.push(stage);
      }
    }
    runSegment();
    if (!hasLimit) docs = docs.slice(0, AGGREGATE_DEFAULT_LIMIT);
    return { data: { list: docs.map((d) => stringify(d)) } };
  }

  /** $lookup by equality, fetching the foreign documents through the foreign collection's indexes. */
  private lookup(docs: Doc[], from: string, localField: string, foreignField: string, as: string): Doc[] {
    const fc = this.colls.get(from);
    const localKeys = docs.map((d) => new Set(pathValues(d, localField).map(keyOf)));
    const values = new Map<string, unknown>();
    docs.forEach((d) => {
      for (const v of pathValues(d, localField)) values.set(keyOf(v), v === undefined ? null : v);
    });
    const foreign =
      fc && values.size ? fc.find({ filter: { [foreignField]: { $in: Array.from(values.values()) } } }) : [];
    const foreignKeys = foreign.map((f) => new Set(pathValues(f, foreignField).map(keyOf)));
    return docs.map((d, i) => {
      const mine = localKeys[i];
      const matches = foreign.filter((_, j) => {
        for (const k of foreignKeys[j]) if (mine.has(k)) return true;
        return false;
      });
      const out = clone(d);
      setPath(
        out,
        as,
        matches.map((m) => clone(m)),
      );
      return out;
    });
  }

  // ------------------------------------------------------------------ transactions

  private txnOf(body: Record<string, unknown>): Txn | null {
    const id = asString(body.transactionId);
    if (!id) return null;
    const t = this.txns.get(id);
    if (!t || t.done) throw errors.transactionNotExist(id);
    this.touch(t);
    return t;
  }

  private touch(t: Txn): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = setTimeout(() => this.abortTxn(t), TXN_IDLE_MS);
    t.timer.unref();
  }

  private startTransaction(): JsonObject {
    const t: Txn = {
      id: randomUUID(),
      writes: new Map(),
      versions: new Map(),
      locks: new Set(),
      waitingFor: null,
      timer: null,
      done: false,
      doomed: null,
    };
    this.txns.set(t.id, t);
    this.touch(t);
    return { transactionId: t.id };
  }

  private abortTxn(t: Txn): void {
    if (t.done) return;
    t.done = true;
    if (t.timer) clearTimeout(t.timer);
    this.txns.delete(t.id);
    for (const [key, lock] of this.locks) {
      const w = lock.waiters.find((x) => x.txn === t);
      if (w) {
        lock.waiters = lock.waiters.filter((x) => x !== w);
        clearTimeout(w.timer);
        w.reject(errors.transactionConflict('transaction aborted while waiting for ' + key));
      }
    }
    this.release(t);
  }

  private release(t: Txn): void {
    for (const key of t.locks) {
      const lock = this.locks.get(key);
      if (!lock || lock.owner !== t) continue;
      const next = lock.waiters.shift();
      if (next) {
        clearTimeout(next.timer);
        lock.owner = next.txn;
        next.txn.locks.add(key);
        next.resolve();
      } else {
        this.locks.delete(key);
      }
    }
    t.locks.clear();
  }

  /**
   * Take the document lock for the transaction, waiting for the holder (FIFO). On deadlock or lock
   * wait timeout the transaction is doomed instead of failing here: wx-server-sdk wraps errors of
   * in-transaction reads/writes into CloudSDKErrors that lose `code`, so `runTransaction` only retries
   * a DATABASE_TRANSACTION_CONFLICT raised by commit — which is where a doomed transaction fails.
   */
  private async acquire(t: Txn, c: Collection, idKey: string): Promise<void> {
    const key = c.name + '\u0000' + idKey;
    const record = (): void => {
      if (!t.versions.has(key)) t.versions.set(key, { coll: c.name, idKey, version: c.version(idKey) });
    };
    if (t.doomed) return record();
    const lock = this.locks.get(key);
    if (!lock) {
      this.locks.set(key, { owner: t, waiters: [] });
      t.locks.add(key);
    } else if (lock.owner !== t) {
      // deadlock: the holder (transitively) waits for a lock we hold
      let cur: Txn | undefined = lock.owner;
      const seen = new Set<Txn>();
      while (cur && cur.waitingFor && !seen.has(cur)) {
        seen.add(cur);
        const l2 = this.locks.get(cur.waitingFor);
        if (!l2) break;
        if (l2.owner === t) {
          t.doomed = `deadlock on ${c.name}/${idKey.slice(1)}`;
          return record();
        }
        cur = l2.owner;
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          lock.waiters = lock.waiters.filter((w) => w !== waiter);
          t.waitingFor = null;
          t.doomed = `lock wait timeout on ${c.name}/${idKey.slice(1)}`;
          resolve();
        }, LOCK_WAIT_MS);
        const waiter: Waiter = { txn: t, resolve, reject, timer };
        lock.waiters.push(waiter);
        t.waitingFor = key;
      });
      t.waitingFor = null;
      if (t.done) throw errors.transactionConflict('transaction ended');
    }
    record();
  }

  /** The transaction's view of a document (own writes first, then committed state). */
  private txnView(t: Txn, c: Collection, idKey: string): Doc | null {
    const w = t.writes.get(c.name);
    if (w && w.has(idKey)) {
      const d = w.get(idKey);
      return d ? clone(d) : null;
    }
    return c.getById(idKey);
  }

  private txnWrite(t: Txn, c: Collection, idKey: string, doc: Doc | null): void {
    let w = t.writes.get(c.name);
    if (!w) {
      w = new Map();
      t.writes.set(c.name, w);
    }
    w.set(idKey, doc);
  }

  private async txnRead(t: Txn, c: Collection, id: unknown): Promise<Doc | null> {
    const idKey = keyOf(id);
    await this.acquire(t, c, idKey);
    return this.txnView(t, c, idKey);
  }

  /** A WHERE query inside a transaction: committed results overlaid with the transaction's writes. */
  private txnFind(
    t: Txn,
    c: Collection,
    filter: Doc,
    order: OrderSpec | undefined,
    skip: number,
    limit: number,
  ): Doc[] {
    const w = t.writes.get(c.name);
    if (!w || !w.size) return c.find({ filter, order, skip, limit });
    const base = c.find({ filter, order, limit: skip + limit + w.size }).filter((d) => !w.has(keyOf(d._id)));
    const extra = Array.from(w.values()).filter((d): d is Doc => !!d);
    let docs = base.concat(mingoFind(extra, filter).all() as Doc[]);
    if (order) {
      const spec: Record<string, 1 | -1> = {};
      for (const [f, d] of order) spec[f] = d;
      docs = mingoFind(docs, {}).sort(spec).all() as Doc[];
    }
    return docs.slice(skip, skip + limit);
  }

  private async txnTargets(t: Txn, c: Collection, filter: Doc, multi: boolean): Promise<unknown[]> {
    const keys = Object.keys(filter);
    if (keys.length === 1 && keys[0] === '_id' && !isPlainObject(filter._id)) {
      const d = await this.txnRead(t, c, filter._id);
      return d ? [d._id] : [];
    }
    const docs = this.txnFind(t, c, filter, undefined, 0, multi ? Number.MAX_SAFE_INTEGER : 1);
    return docs.map((d) => d._id);
  }

  private commitTransaction(body: Record<string, unknown>): JsonObject {
    const t = this.txnOf(body);
    if (!t) throw errors.invalidParam('transactionId required');
    try {
      if (t.doomed) throw errors.transactionConflict(t.doomed);
      this.commit(() => {
        for (const v of t.versions.values()) {
          const c = this.colls.get(v.coll);
          const now = c ? c.version(v.idKey) : null;
          if (now !== v.version)
            throw errors.transactionConflict(`${v.coll}/${v.idKey.slice(1)} was modified by another write`);
        }
        for (const [cname, writes] of t.writes) {
          const c = this.colls.get(cname);
          if (!c) throw errors.collectionNotExist(cname);
          for (const [idKey, doc] of writes) c.write(idKey, c.getById(idKey), doc);
        }
      });
    } catch (e) {
      this.abortTxn(t);
      throw e;
    }
    t.done = true;
    if (t.timer) clearTimeout(t.timer);
    this.txns.delete(t.id);
    this.release(t);
    return {};
  }

  private abortTransaction(body: Record<string, unknown>): JsonObject {
    const id = asString(body.transactionId) ?? '';
    const t = this.txns.get(id);
    if (!t) throw errors.transactionNotExist(id);
    this.abortTxn(t);
    return {};
  }

  // Legacy transaction API (@cloudbase/database transaction.js): get/set/update/delete by _id.

  private async getInTransaction(body: Record<string, unknown>): Promise<JsonObject> {
    const t = this.txnOf(body);
    if (!t) throw errors.invalidParam('transactionId required');
    const c = this.coll(body);
    const d = await this.txnRead(t, c, body._id);
    return { data: d ? stringify(d) : 'null' };
  }

  private async updateDocInTransaction(body: Record<string, unknown>, now: number): Promise<JsonObject> {
    const t = this.txnOf(body);
    if (!t) throw errors.invalidParam('transactionId required');
    const c = this.coll(body);
    const data = parseMaybe(body.data, now);
    if (!isPlainObject(data)) throw errors.invalidParam('data must be an object');
    const idKey = keyOf(body._id);
    await this.acquire(t, c, idKey);
    const cur = this.txnView(t, c, idKey);
    const merge = hasOperators(data);
    if (cur) {
      const next = this.applyUpdate(cur, data, merge);
      if (next) this.txnWrite(t, c, idKey, next);
      return { updated: JSON.stringify(next ? 1 : 0), upserted: null };
    }
    if (body.upsert === true) {
      const d = this.upsertDoc(body._id, data, merge);
      this.txnWrite(t, c, idKey, d);
      return { updated: '0', upserted: JSON.stringify([{ _id: d._id }]) };
    }
    return { updated: '0', upserted: null };
  }

  private async deleteDocInTransaction(body: Record<string, unknown>): Promise<JsonObject> {
    const t = this.txnOf(body);
    if (!t) throw errors.invalidParam('transactionId required');
    const c = this.coll(body);
    const idKey = keyOf(body._id);
    await this.acquire(t, c, idKey);
    const cur = this.txnView(t, c, idKey);
    if (cur) this.txnWrite(t, c, idKey, null);
    return { deleted: cur ? '1' : '0' };
  }
}

function setPath(doc: Doc, p: string, value: unknown): void {
  const parts = p.split('.');
  let cur: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (!isPlainObject(next)) cur[parts[i]] = {};
    cur = cur[parts[i]] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}
