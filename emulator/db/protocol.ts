/**
 * The wire protocol of @cloudbase/database 1.4 as wx-server-sdk 4 sends it (`POST /admin` bodies
 * with `action: database.*`): decoding a request's fields and encoding its answer. Every database
 * request passes through `roundTrip`, the one place to count, observe or fail a round trip.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Doc, decode, isPlainObject, parse, stringify } from './ejson';
import { DbError, errors } from './errors';
import { mongoFilter } from './mongo';
import type { OrderSpec } from './planner';

export type Body = Record<string, unknown>;
export type JsonObject = Record<string, unknown>;

/**
 * Answer one request: `dispatch` does the work; an error becomes the platform's `{code, message}`
 * envelope. Never throws.
 */
export async function roundTrip(body: Body, dispatch: (body: Body) => Promise<JsonObject>): Promise<Body> {
  const requestId = randomUUID();
  try {
    const res = await dispatch(body);
    return { requestId, ...res };
  } catch (e) {
    if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
    const msg = e instanceof Error ? e.message : String(e);
    return { code: 'DATABASE_REQUEST_FAILED', message: `[FailedOperation] ${msg}`, requestId };
  }
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A field the SDK sends either as an EJSON string or as a plain value. */
export function parseMaybe(v: unknown, now: number): unknown {
  if (typeof v === 'string') {
    if (v === '') return undefined;
    return parse(v, now);
  }
  return decode(v, now);
}

export function filterOf(body: Body, now: number): Doc {
  const f = parseMaybe(body.query, now);
  if (f === undefined || f === null) return {};
  if (!isPlainObject(f)) throw errors.invalidParam('query must be an object');
  return mongoFilter(f);
}

export function orderOf(body: Body, now: number): OrderSpec | undefined {
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

/** The documents a request's `data` carries, each given an _id when it has none. */
export function docsOf(body: Body, now: number): Doc[] {
  const raw = Array.isArray(body.data) ? body.data : [body.data];
  return raw.map((r) => {
    const d = parseMaybe(r, now);
    if (!isPlainObject(d)) throw errors.invalidParam('data must be an object');
    if (d._id === undefined || d._id === null || d._id === '') d._id = newId();
    return d;
  });
}

export function modifyResult(updated: number, upsertId: unknown, returnDoc: boolean, last: Doc | null): JsonObject {
  if (returnDoc) return { data: { updated, doc: last ? stringify(last) : null } };
  const data: JsonObject = { updated };
  if (upsertId !== undefined) data.upsert_id = upsertId;
  return { data };
}

let idCounter = randomBytes(3).readUIntBE(0, 3);
const idProcess = randomBytes(5).toString('hex');
/**
 * 32 hex characters like production ids; time-prefixed (as production's are) so that inserts append
 * to the primary-key B-tree instead of landing on random pages.
 */
export function newId(): string {
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
