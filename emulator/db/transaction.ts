/**
 * Transactions (db.runTransaction / db.startTransaction and the legacy get/set/update/delete by
 * _id), as CloudBase keeps them:
 * - reads come from a snapshot taken at the start and take no lock: when anyone commits a document
 *   while a transaction is open, the transaction keeps the version it would have read (`snapshot`);
 * - the first transaction to write a document holds it until it ends; a later writer, or a writer
 *   whose document changed since its snapshot, is refused at once with DATABASE_TRANSACTION_CONFLICT
 *   and its transaction is ended there, so nothing it held outlives the attempt (runTransaction
 *   starts a new transaction for a retry and never rolls the old one back);
 * - writes are buffered and applied in one SQLite transaction at commit;
 * - only document operations are accepted (doc(id).get/set/update/remove and add), as the platform does.
 */
import { randomUUID } from 'node:crypto';
import { type Doc, clone, isPlainObject, stringify } from './ejson';
import { errors } from './errors';
import { keyOf } from './keys';
import { type Body, type JsonObject, asString, modifyResult, parseMaybe } from './protocol';
import type { Collection } from './store';
import { applyUpdate, hasOperators, upsertDoc } from './update';

/** an idle transaction is ended after this long, like the platform's (its writes are discarded) */
const TXN_IDLE_MS = 30000;

interface Txn {
  id: string;
  /** coll → idKey → new document (null = deleted) */
  writes: Map<string, Map<string, Doc | null>>;
  /** document key → the version it had when the transaction began, kept once someone else commits it */
  snapshot: Map<string, Doc | null>;
  /** document keys this transaction writes (and holds) */
  held: Set<string>;
  timer: NodeJS.Timeout | null;
}

export interface TxnHost {
  collection(name: string): Collection | undefined;
  /** run `fn` in one SQLite transaction */
  commit<T>(fn: () => T): T;
}

const docKey = (coll: string, idKey: string): string => coll + '\u0000' + idKey;

export class Transactions {
  private txns = new Map<string, Txn>();
  /** document key → the transaction that writes it */
  private writers = new Map<string, Txn>();

  constructor(private host: TxnHost) {}

  /**
   * Every committed write of a document comes here first (store.ts calls it with the version being
   * replaced): open transactions that have not yet kept a version of it keep this one.
   */
  beforeWrite(coll: string, idKey: string, old: Doc | null): void {
    if (!this.txns.size) return;
    const key = docKey(coll, idKey);
    for (const t of this.txns.values()) if (!t.snapshot.has(key)) t.snapshot.set(key, old ? clone(old) : null);
  }

  /** The open transaction a request names, or null when it names none. */
  of(body: Body): Txn | null {
    const id = asString(body.transactionId);
    if (!id) return null;
    const t = this.txns.get(id);
    if (!t) throw errors.transactionNotExist();
    this.touch(t);
    return t;
  }

  private required(body: Body): Txn {
    const t = this.of(body);
    if (!t) throw errors.invalidParam('transactionId required');
    return t;
  }

  closeAll(): void {
    for (const t of Array.from(this.txns.values())) this.end(t);
  }

  private touch(t: Txn): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = setTimeout(() => this.end(t), TXN_IDLE_MS);
    t.timer.unref();
  }

  start(): JsonObject {
    const t: Txn = { id: randomUUID(), writes: new Map(), snapshot: new Map(), held: new Set(), timer: null };
    this.txns.set(t.id, t);
    this.touch(t);
    return { transactionId: t.id };
  }

  /** Forget the transaction and release what it holds (its writes are discarded). */
  private end(t: Txn): void {
    if (t.timer) clearTimeout(t.timer);
    this.txns.delete(t.id);
    for (const key of t.held) if (this.writers.get(key) === t) this.writers.delete(key);
    t.held.clear();
  }

  /** Refuse a write with a conflict, ending the transaction so that it holds nothing any more. */
  private conflict(t: Txn, detail: string): never {
    this.end(t);
    throw errors.transactionConflict(detail);
  }

  /** The transaction's view of a document: its own writes, else its snapshot. */
  private view(t: Txn, c: Collection, idKey: string): Doc | null {
    const w = t.writes.get(c.name);
    if (w && w.has(idKey)) {
      const d = w.get(idKey);
      return d ? clone(d) : null;
    }
    const key = docKey(c.name, idKey);
    if (t.snapshot.has(key)) {
      const d = t.snapshot.get(key);
      return d ? clone(d) : null;
    }
    return c.getById(idKey);
  }

  /** Take the document for writing, or refuse at once when another writer or a commit got there first. */
  private claim(t: Txn, c: Collection, idKey: string): void {
    const key = docKey(c.name, idKey);
    const holder = this.writers.get(key);
    if (holder && holder !== t) this.conflict(t, `${c.name}/${idKey.slice(1)} is being written by another transaction`);
    if (t.snapshot.has(key)) this.conflict(t, `${c.name}/${idKey.slice(1)} was modified after the transaction began`);
    this.writers.set(key, t);
    t.held.add(key);
  }

  private write(t: Txn, c: Collection, idKey: string, doc: Doc | null): void {
    let w = t.writes.get(c.name);
    if (!w) {
      w = new Map();
      t.writes.set(c.name, w);
    }
    w.set(idKey, doc);
  }

  /** The _id a document operation names (the SDK sends doc(id) requests as queryType DOC with {_id}). */
  private docId(body: Body, filter: Doc): unknown {
    if (body.queryType !== 'DOC' || filter._id === undefined || isPlainObject(filter._id))
      throw errors.invalidParam(
        'a transaction accepts document operations only: doc(id).get/set/update/remove and add',
      );
    return filter._id;
  }

  // ---------- the document requests of the current API, inside a transaction

  get(t: Txn, c: Collection, body: Body, filter: Doc): Doc[] {
    const d = this.view(t, c, keyOf(this.docId(body, filter)));
    return d ? [d] : [];
  }

  insert(t: Txn, c: Collection, docs: Doc[]): JsonObject {
    const ids: unknown[] = [];
    for (const d of docs) {
      const idKey = keyOf(d._id);
      this.claim(t, c, idKey);
      if (this.view(t, c, idKey)) throw errors.duplicateKey(c.name, '_id_', `{ _id: ${JSON.stringify(d._id)} }`);
      this.write(t, c, idKey, d);
      ids.push(d._id);
    }
    return { data: { insertedIds: ids }, inserted: ids.length, ok: 1 };
  }

  modify(
    t: Txn,
    c: Collection,
    body: Body,
    filter: Doc,
    data: Doc,
    o: { merge: boolean; upsert: boolean; returnDoc: boolean },
  ): JsonObject {
    const id = this.docId(body, filter);
    const idKey = keyOf(id);
    const cur = this.view(t, c, idKey);
    if (!cur && !o.upsert) return modifyResult(0, undefined, o.returnDoc, null);
    this.claim(t, c, idKey);
    if (!cur) {
      const d = upsertDoc(id, data, o.merge);
      this.write(t, c, idKey, d);
      return modifyResult(0, d._id, o.returnDoc, d);
    }
    const next = applyUpdate(cur, data, o.merge);
    if (next) this.write(t, c, idKey, next);
    return modifyResult(next ? 1 : 0, undefined, o.returnDoc, next ?? cur);
  }

  remove(t: Txn, c: Collection, body: Body, filter: Doc): JsonObject {
    const idKey = keyOf(this.docId(body, filter));
    if (!this.view(t, c, idKey)) return { data: { deleted: 0 } };
    this.claim(t, c, idKey);
    this.write(t, c, idKey, null);
    return { data: { deleted: 1 } };
  }

  commit(body: Body): JsonObject {
    const t = this.required(body);
    try {
      // a write outside any transaction is not held off by this one's claim: it fails this commit
      for (const key of t.held) {
        if (t.snapshot.has(key)) this.conflict(t, `${key.split('\u0000')[0]} was modified by another write`);
      }
      const writes = t.writes;
      this.end(t);
      this.host.commit(() => {
        for (const [cname, docs] of writes) {
          const c = this.host.collection(cname);
          if (!c) throw errors.collectionNotExist(cname);
          for (const [idKey, doc] of docs) c.write(idKey, c.getById(idKey), doc);
        }
      });
    } finally {
      this.end(t);
    }
    return {};
  }

  abort(body: Body): JsonObject {
    const t = this.txns.get(asString(body.transactionId) ?? '');
    if (!t) throw errors.transactionNotExist();
    this.end(t);
    return {};
  }

  // ---------- the legacy API (@cloudbase/database transaction.js): get/set/update/delete by _id

  legacyGet(body: Body, c: Collection): JsonObject {
    const t = this.required(body);
    const d = this.view(t, c, keyOf(body._id));
    return { data: d ? stringify(d) : 'null' };
  }

  legacyUpdate(body: Body, c: Collection, now: number): JsonObject {
    const t = this.required(body);
    const data = parseMaybe(body.data, now);
    if (!isPlainObject(data)) throw errors.invalidParam('data must be an object');
    const idKey = keyOf(body._id);
    const cur = this.view(t, c, idKey);
    const merge = hasOperators(data);
    if (!cur && body.upsert !== true) return { updated: '0', upserted: null };
    this.claim(t, c, idKey);
    if (cur) {
      const next = applyUpdate(cur, data, merge);
      if (next) this.write(t, c, idKey, next);
      return { updated: JSON.stringify(next ? 1 : 0), upserted: null };
    }
    const d = upsertDoc(body._id, data, merge);
    this.write(t, c, idKey, d);
    return { updated: '0', upserted: JSON.stringify([{ _id: d._id }]) };
  }

  legacyDelete(body: Body, c: Collection): JsonObject {
    const t = this.required(body);
    const idKey = keyOf(body._id);
    const cur = this.view(t, c, idKey);
    if (cur) {
      this.claim(t, c, idKey);
      this.write(t, c, idKey, null);
    }
    return { deleted: cur ? '1' : '0' };
  }
}
