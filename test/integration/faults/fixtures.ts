/**
 * Cheap arrange steps for fault scenarios: a record the real actions made once is copied for
 * each run under new ids and people, written straight into the emulator's database. Runs need
 * their own record (a concern in a status, a member with a profile) and bringing each through
 * the actions again costs most of a scenario's time; the call under test is always the real one.
 */
import { sys } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- documents as the SDK reads them */
type Doc = Record<string, any>;

/** `value` with every string's `from` parts replaced, Dates and numbers kept. */
export function renamed(value: unknown, swaps: [string, string][]): any {
  if (typeof value === 'string') return swaps.reduce((s, [from, to]) => s.split(from).join(to), value);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, swaps));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [renamed(k, swaps), renamed(v, swaps)]));
}

export async function read(collection: string, id: string): Promise<Doc> {
  const { data } = await sys.db.collection(collection).where({ _id: id }).limit(1).get();
  if (!data[0]) throw new Error(`fixture: ${collection}/${id} not found`);
  return data[0];
}

/** Stores a copy of `collection/id` with the `swaps` applied (its _id among them); answers it. */
export async function copy(collection: string, id: string, swaps: [string, string][], set: Doc = {}) {
  const { _id, ...doc } = renamed(await read(collection, id), swaps);
  const data = { ...doc, ...set };
  await sys.db.collection(collection).add({ data: { _id: set._id ?? _id, ...data } });
  return { _id: set._id ?? _id, ...data } as Doc;
}

let ids = 0;
/** A new id shaped like the functions' own (24 hex), so comparisons normalise it the same way. */
export const freshId = () => `${(Date.now() * 1000 + ids++).toString(16)}`.padStart(24, 'f').slice(-24);

/**
 * A new member of `unitOf`'s unit signed in as `openid`: a copy of a seeded member's user
 * document (the shape bindInvitation stores).
 */
export async function memberLike(template: string, openid: string, set: Doc = {}) {
  const user = await read('users', template);
  const copyId = `user-${openid}`;
  await copy('users', template, [[user.openid, openid]], { _id: copyId, name: '故障委员', ...set });
  return { openid, userId: copyId };
}
/** 会师镇委员工作站, where the runs' shifts are. */
export const HUISHI = { lat: 35.6927, lng: 105.0536 };

/** A new station of 会宁 for one run (its own QR scene), a copy of 会师镇's. */
export async function stationLike(c: string) {
  await copy('workstations', 'ws-huishi', [], { _id: `ws-${c}`, scene: `s=${c}` });
  return `ws-${c}`;
}

/**
 * A new county for one run, under 白银, with an admin (openid `c`): settings kept one per unit
 * get a unit of their own per run.
 */
export async function unitLike(c: string) {
  const unitId = `u-${c}`;
  const unit = await read('org_units', 'u-huining');
  const path = [...unit.path.slice(0, -1), unitId];
  await copy('org_units', 'u-huining', [], { _id: unitId, path });
  await memberLike('user-admin', c, { unitId, unitPath: path, roles: ['admin', 'staff'] });
  return { unitId, openid: c };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
