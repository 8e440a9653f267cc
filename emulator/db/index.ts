/**
 * Local emulation of the WeChat Cloud (CloudBase) database behind wx-server-sdk 4: this file opens
 * the SQLite file and routes each request; protocol.ts decodes requests, store.ts stores and queries
 * (planner.ts picks the index), update.ts applies updates, aggregate.ts runs pipelines,
 * transaction.ts keeps transactions and mongo.ts corrects the query engine where it differs from
 * MongoDB. Every request passes through protocol.ts `roundTrip`. See errors.ts for the error codes
 * and where they come from.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { CollectionDecl } from '../types';
import { aggregate } from './aggregate';
import { type Doc, isPlainObject, stringify } from './ejson';
import { DbError, errors } from './errors';
import { keyOf } from './keys';
import { mongoFind } from './mongo';
import {
  type Body,
  type JsonObject,
  asString,
  docsOf,
  filterOf,
  modifyResult,
  newId,
  orderOf,
  parseMaybe,
  roundTrip,
} from './protocol';
import { Collection, type IndexSpec, type OrderSpec, type Stats } from './store';
import { Transactions } from './transaction';
import { applyUpdate, upsertDoc } from './update';

export type { CollectionDecl } from '../types';
export { DbError } from './errors';
export type { JsonObject } from './protocol';

export interface DatabaseOptions {
  /** data directory; SQLite file at <dir>/db.sqlite (created if missing) */
  dir: string;
  /** declared collections (created with their indexes at open) */
  collections: CollectionDecl[];
  /** a query on a declared collection that no index serves answers an error naming the collection and query */
  strictIndexes?: boolean;
}

/** getDocument: default and maximum page size (the SDK sends 100 when no limit is given). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export class Database {
  /** Round trips served so far (one per handle() call). */
  roundTrips = 0;
  /** Work counters for performance tests. */
  readonly stats: Stats = { docsExamined: 0, indexRowsExamined: 0 };

  private sql: BetterSqlite3.Database;
  private colls = new Map<string, Collection>();
  private strict: boolean;
  private txns = new Transactions({
    collection: (name) => this.colls.get(name),
    commit: (fn) => this.commit(fn),
  });
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
        this.track(new Collection(this.sql, decl.name, true, specs, this.stats));
        upsert.run(decl.name, 1, JSON.stringify(specs));
        stored.delete(decl.name);
      }
      for (const [name, specs] of stored) {
        this.track(new Collection(this.sql, name, false, specs, this.stats));
        upsert.run(name, 0, JSON.stringify(specs));
      }
    });
    open();
  }

  /**
   * Loads documents straight into a collection (its indexes kept), for benches seeding a million
   * documents: one SQLite transaction per call, no SDK request, no round trip counted. Documents
   * are plain values (Dates as Date); an _id is required.
   */
  bulkLoad(collection: string, docs: Doc[]): void {
    const c = this.colls.get(collection);
    if (!c) throw errors.collectionNotExist(collection);
    this.commit(() => {
      for (const d of docs) c.write(keyOf(d._id), null, d);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.txns.closeAll();
    this.sql.close();
  }

  /** Handle one SDK request body whose action starts with "database.". Never throws. */
  async handle(body: Body): Promise<Body> {
    this.roundTrips++;
    return roundTrip(body, (b) => this.dispatch(b));
  }

  private async dispatch(body: Body): Promise<JsonObject> {
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
      case 'database.insertDocInTransaction':
        return this.insertDocument(body, now);
      case 'database.modifyDocument':
        return this.modifyDocument(body, now, false);
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(body, now, true);
      case 'database.removeDocument':
        return this.removeDocument(body, now);
      case 'database.aggregateDocuments':
      case 'database.aggregate':
        return aggregate(
          {
            collection: (name) => this.colls.get(name),
            checkServed: (c, filter, what, order) => this.checkServed(c, filter, order, false, what),
            strictOn: (c) => this.strict && c.declared,
          },
          this.coll(body),
          body,
          now,
        );
      case 'database.startTransaction':
        return this.txns.start();
      case 'database.commitTransaction':
        return this.txns.commit(body);
      case 'database.abortTransaction':
        return this.txns.abort(body);
      case 'database.getInTransaction':
        return this.txns.legacyGet(body, this.coll(body));
      case 'database.updateDocInTransaction':
        return this.txns.legacyUpdate(body, this.coll(body), now);
      case 'database.deleteDocInTransaction':
        return this.txns.legacyDelete(body, this.coll(body));
      default:
        throw new DbError('INVALID_ACTION', `[InvalidAction] unsupported database action: ${action}`);
    }
  }

  private coll(body: Body): Collection {
    const name = asString(body.collectionName) ?? '';
    const c = this.colls.get(name);
    if (!c) throw errors.collectionNotExist(name);
    return c;
  }

  private checkServed(c: Collection, filter: Doc, order: OrderSpec | undefined, forCount: boolean, what: string): void {
    if (!this.strict || !c.declared) return;
    if (c.served(filter, order, forCount)) return;
    const shown = JSON.stringify({ query: JSON.parse(stringify(filter)), ...(order ? { orderBy: order } : {}) });
    throw errors.noIndex(c.name, `${what} ${shown}`);
  }

  /** Register a collection; its writes keep open transactions' snapshots. */
  private track(c: Collection): void {
    c.beforeWrite = (coll, idKey, old) => this.txns.beforeWrite(coll, idKey, old);
    this.colls.set(c.name, c);
  }

  private commit<T>(fn: () => T): T {
    return this.sql.transaction(fn)();
  }

  private addCollection(body: Body): JsonObject {
    const name = asString(body.collectionName) ?? '';
    if (!/^[A-Za-z0-9_\-.]{1,128}$/.test(name)) throw errors.invalidParam(`invalid collection name: ${name}`);
    if (this.colls.has(name)) throw errors.collectionExists(name);
    this.commit(() => {
      this.track(new Collection(this.sql, name, false, [], this.stats));
      this.sql
        .prepare('INSERT OR REPLACE INTO _collections (name, declared, indexes) VALUES (?, 0, ?)')
        .run(name, '[]');
    });
    return {};
  }

  private async getDocument(body: Body, now: number): Promise<JsonObject> {
    const c = this.coll(body);
    const filter = filterOf(body, now);
    const order = orderOf(body, now);
    const rawLimit = body.limit === undefined || body.limit === null ? DEFAULT_LIMIT : Number(body.limit);
    if (!Number.isInteger(rawLimit) || rawLimit < 0) throw errors.invalidParam('limit must be a non-negative integer');
    if (rawLimit > MAX_LIMIT) throw errors.invalidParam(`limit must be less than or equal to ${MAX_LIMIT}`);
    const limit = rawLimit === 0 ? DEFAULT_LIMIT : rawLimit;
    const offset = Number(body.offset ?? 0) || 0;
    const projection = parseMaybe(body.projection, now);
    const txn = this.txns.of(body);
    let docs: Doc[];
    if (txn) {
      docs = this.txns.get(txn, c, body, filter);
    } else {
      this.checkServed(c, filter, order, false, 'get');
      docs = c.find({ filter, order, skip: offset, limit });
    }
    if (isPlainObject(projection) && Object.keys(projection).length) {
      docs = mongoFind(docs, {}, projection);
    }
    return { data: { list: docs.map((d) => stringify(d)), offset, limit } };
  }

  private calculateDocument(body: Body, now: number): JsonObject {
    const c = this.coll(body);
    const filter = filterOf(body, now);
    this.checkServed(c, filter, undefined, true, 'count');
    return { data: { total: c.countMatching(filter) } };
  }

  private async insertDocument(body: Body, now: number): Promise<JsonObject> {
    const c = this.coll(body);
    const docs = docsOf(body, now);
    const txn = this.txns.of(body);
    if (txn) return this.txns.insert(txn, c, docs);
    this.commit(() => {
      for (const d of docs) c.write(keyOf(d._id), null, d);
    });
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private async modifyDocument(body: Body, now: number, returnDoc: boolean): Promise<JsonObject> {
    const c = this.coll(body);
    const filter = filterOf(body, now);
    const dataRaw = parseMaybe(body.data, now);
    if (!isPlainObject(dataRaw)) throw errors.invalidParam('data must be an object');
    const data: Doc = dataRaw;
    const merge = returnDoc ? true : body.merge !== false;
    const upsert = !returnDoc && body.upsert === true;
    const multi = returnDoc ? false : body.multi !== false;
    const txn = this.txns.of(body);
    if (txn) return this.txns.modify(txn, c, body, filter, data, { merge, upsert, returnDoc });

    if (!(body.queryType === 'DOC' && filter._id !== undefined))
      this.checkServed(c, filter, undefined, false, 'update');
    return this.commit(() => {
      const targets = c.find({ filter, limit: multi ? Infinity : 1 });
      let updated = 0;
      let upsertId: unknown;
      let last: Doc | null = null;
      for (const cur of targets) {
        const next = applyUpdate(cur, data, merge);
        last = next ?? cur;
        if (next) {
          c.write(keyOf(cur._id), cur, next);
          updated++;
        }
      }
      if (!targets.length && upsert) {
        const d = upsertDoc(filter._id !== undefined && !isPlainObject(filter._id) ? filter._id : newId(), data, merge);
        c.write(keyOf(d._id), null, d);
        upsertId = d._id;
        last = d;
      }
      return modifyResult(updated, upsertId, returnDoc, last);
    });
  }

  private async removeDocument(body: Body, now: number): Promise<JsonObject> {
    const c = this.coll(body);
    const filter = filterOf(body, now);
    const multi = body.multi !== false;
    const txn = this.txns.of(body);
    if (txn) return this.txns.remove(txn, c, body, filter);
    if (!(body.queryType === 'DOC' && filter._id !== undefined))
      this.checkServed(c, filter, undefined, false, 'remove');
    return this.commit(() => {
      const targets = c.find({ filter, limit: multi ? Infinity : 1 });
      for (const d of targets) c.write(keyOf(d._id), d, null);
      return { data: { deleted: targets.length } };
    });
  }
}
