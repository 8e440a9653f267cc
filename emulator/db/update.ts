/** Update documents: set() replacement and update() operators (applied by mingo, checked as the platform does). */
import { update as mingoUpdate } from 'mingo';
import { type Doc, clone, isPlainObject, stringify } from './ejson';
import { errors } from './errors';
import { keyOf } from './keys';

export function hasOperators(d: Doc): boolean {
  return Object.keys(d).some((k) => k.startsWith('$'));
}

function touchesId(modifier: Doc): boolean {
  for (const [op, spec] of Object.entries(modifier)) {
    if (!op.startsWith('$') || !isPlainObject(spec)) continue;
    for (const k of Object.keys(spec)) if (k === '_id' || k.startsWith('_id.')) return true;
  }
  return false;
}

/** The new version of `doc` (null when nothing changes); `merge` = update(), otherwise set(). */
export function applyUpdate(doc: Doc, data: Doc, merge: boolean): Doc | null {
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

/** The document an upsert creates. */
export function upsertDoc(id: unknown, data: Doc, merge: boolean): Doc {
  const base: Doc = { _id: id };
  return applyUpdate(base, data, merge) ?? base;
}
