/**
 * Transactions (db.runTransaction / db.startTransaction and the legacy get/set/update/delete by
 * _id): writes are buffered per transaction and applied in one SQLite transaction at commit, after
 * checking that no document it touched changed meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { find as mingoFind } from 'mingo';
import { type Doc, clone, isPlainObject, stringify } from './ejson';
import { errors } from './errors';
import { keyOf } from './keys';
import type { OrderSpec } from './planner';
import { type Body, type JsonObject, asString, modifyResult, parseMaybe } from './protocol';
import type { Collection } from './store';
import { applyUpdate, hasOperators, upsertDoc } from './update';

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
export interface Txn {
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

export interface TxnHost {
  collection(name: string): Collection | undefined;
  /** run `fn` in one SQLite transaction */
  commit<T>(fn: () => T): T;
}

export class Transactions {
  private txns = new Map<string, Txn>();
  private locks = new Map<string, Lock>();

  constructor(private host: TxnHost) {}

  /** The open transaction a request names, or null when it names none. */
  of(body: Body): Txn | null {
    const id = asString(body.transactionId);
    if (!id) return null;
    const t = this.txns.get(id);
    if (!t || t.done) throw errors.transactionNotExist(id);
    this.touch(t);
    return t;
  }

  private required(body: Body): Txn {
    const t = this.of(body);
    if (!t) throw errors.invalidParam('transactionId required');
    return t;
  }

  closeAll(): void {
    for (const t of this.txns.values()) this.abortTxn(t);
  }

  private touch(t: Txn): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = setTimeout(() => this.abortTxn(t), TXN_IDLE_MS);
    t.timer.unref();
  }

  start(): JsonObject {
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
  private view(t: Txn, c: Collection, idKey: string): Doc | null {
    const w = t.writes.get(c.name);
    if (w && w.has(idKey)) {
      const d = w.get(idKey);
      return d ? clone(d) : null;
    }
    return c.getById(idKey);
  }

  private write(t: Txn, c: Collection, idKey: string, doc: Doc | null): void {
    let w = t.writes.get(c.name);
    if (!w) {
      w = new Map();
      t.writes.set(c.name, w);
    }
    w.set(idKey, doc);
  }

  private async read(t: Txn, c: Collection, id: unknown): Promise<Doc | null> {
    const idKey = keyOf(id);
    await this.acquire(t, c, idKey);
    return this.view(t, c, idKey);
  }

  /** A WHERE query inside a transaction: committed results overlaid with the transaction's writes. */
  private where(t: Txn, c: Collection, filter: Doc, order: OrderSpec | undefined, skip: number, limit: number): Doc[] {
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

  private async targets(t: Txn, c: Collection, filter: Doc, multi: boolean): Promise<unknown[]> {
    const keys = Object.keys(filter);
    if (keys.length === 1 && keys[0] === '_id' && !isPlainObject(filter._id)) {
      const d = await this.read(t, c, filter._id);
      return d ? [d._id] : [];
    }
    const docs = this.where(t, c, filter, undefined, 0, multi ? Number.MAX_SAFE_INTEGER : 1);
    return docs.map((d) => d._id);
  }

  // ---------- the document requests of the current API, inside a transaction

  /** `check` is the strict-index check for a where-query (not needed for a read by _id). */
  async get(
    t: Txn,
    c: Collection,
    body: Body,
    q: { filter: Doc; order?: OrderSpec; offset: number; limit: number },
    check: () => void,
  ): Promise<Doc[]> {
    if (body.queryType === 'DOC' && q.filter._id !== undefined) {
      const d = await this.read(t, c, q.filter._id);
      return d ? [d] : [];
    }
    check();
    return this.where(t, c, q.filter, q.order, q.offset, q.limit);
  }

  async insert(t: Txn, c: Collection, docs: Doc[]): Promise<JsonObject> {
    const ids: unknown[] = [];
    for (const d of docs) {
      const idKey = keyOf(d._id);
      await this.acquire(t, c, idKey);
      if (this.view(t, c, idKey)) throw errors.duplicateKey(c.name, '_id_', `{ _id: ${JSON.stringify(d._id)} }`);
      this.write(t, c, idKey, d);
      ids.push(d._id);
    }
    return { data: { insertedIds: ids }, inserted: ids.length, ok: 1 };
  }

  async modify(
    t: Txn,
    c: Collection,
    filter: Doc,
    data: Doc,
    o: { merge: boolean; upsert: boolean; multi: boolean; returnDoc: boolean },
  ): Promise<JsonObject> {
    const ids = await this.targets(t, c, filter, o.multi);
    let updated = 0;
    let upsertId: unknown;
    let last: Doc | null = null;
    for (const id of ids) {
      const idKey = keyOf(id);
      await this.acquire(t, c, idKey);
      const cur = this.view(t, c, idKey);
      if (!cur) continue;
      const next = applyUpdate(cur, data, o.merge);
      last = next ?? cur;
      if (next) {
        this.write(t, c, idKey, next);
        updated++;
      }
    }
    if (!ids.length && o.upsert && filter._id !== undefined) {
      const idKey = keyOf(filter._id);
      await this.acquire(t, c, idKey);
      if (!this.view(t, c, idKey)) {
        const d = upsertDoc(filter._id, data, o.merge);
        this.write(t, c, idKey, d);
        upsertId = d._id;
        last = d;
      }
    }
    return modifyResult(updated, upsertId, o.returnDoc, last);
  }

  async remove(t: Txn, c: Collection, filter: Doc, multi: boolean): Promise<JsonObject> {
    const ids = await this.targets(t, c, filter, multi);
    let deleted = 0;
    for (const id of ids) {
      const idKey = keyOf(id);
      await this.acquire(t, c, idKey);
      if (this.view(t, c, idKey)) {
        this.write(t, c, idKey, null);
        deleted++;
      }
    }
    return { data: { deleted } };
  }

  commit(body: Body): JsonObject {
    const t = this.required(body);
    try {
      if (t.doomed) throw errors.transactionConflict(t.doomed);
      this.host.commit(() => {
        for (const v of t.versions.values()) {
          const c = this.host.collection(v.coll);
          const now = c ? c.version(v.idKey) : null;
          if (now !== v.version)
            throw errors.transactionConflict(`${v.coll}/${v.idKey.slice(1)} was modified by another write`);
        }
        for (const [cname, writes] of t.writes) {
          const c = this.host.collection(cname);
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

  abort(body: Body): JsonObject {
    const id = asString(body.transactionId) ?? '';
    const t = this.txns.get(id);
    if (!t) throw errors.transactionNotExist(id);
    this.abortTxn(t);
    return {};
  }

  // ---------- the legacy API (@cloudbase/database transaction.js): get/set/update/delete by _id

  async legacyGet(body: Body, c: Collection): Promise<JsonObject> {
    const t = this.required(body);
    const d = await this.read(t, c, body._id);
    return { data: d ? stringify(d) : 'null' };
  }

  async legacyUpdate(body: Body, c: Collection, now: number): Promise<JsonObject> {
    const t = this.required(body);
    const data = parseMaybe(body.data, now);
    if (!isPlainObject(data)) throw errors.invalidParam('data must be an object');
    const idKey = keyOf(body._id);
    await this.acquire(t, c, idKey);
    const cur = this.view(t, c, idKey);
    const merge = hasOperators(data);
    if (cur) {
      const next = applyUpdate(cur, data, merge);
      if (next) this.write(t, c, idKey, next);
      return { updated: JSON.stringify(next ? 1 : 0), upserted: null };
    }
    if (body.upsert === true) {
      const d = upsertDoc(body._id, data, merge);
      this.write(t, c, idKey, d);
      return { updated: '0', upserted: JSON.stringify([{ _id: d._id }]) };
    }
    return { updated: '0', upserted: null };
  }

  async legacyDelete(body: Body, c: Collection): Promise<JsonObject> {
    const t = this.required(body);
    const idKey = keyOf(body._id);
    await this.acquire(t, c, idKey);
    const cur = this.view(t, c, idKey);
    if (cur) this.write(t, c, idKey, null);
    return { deleted: cur ? '1' : '0' };
  }
}
