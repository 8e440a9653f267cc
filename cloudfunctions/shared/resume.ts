/**
 * Resumable mutations: the one rule (README, design notes). A mutation's writes are all of three
 * kinds, each harmless to repeat: an insert under an id derived from the request key
 * (`ctx.newId()`), a guarded state change that records the request that made it, and a counter
 * increment tagged with the request (the counter keeps the last tags and skips one it has seen).
 * When a call dies part-way, its retry hits its own earlier work (a duplicate id, or a state it
 * already moved) and finds no audit entry: the router then runs the handler again in resume mode,
 * where such an insert counts as done and such a state change as applied, and the work goes on to
 * the end: the same records, counters moved once, notifications once (inbox ids are
 * deterministic), one audit entry and the answer the first call would have given.
 *
 * The request travels with the handler's async work (AsyncLocalStorage), so data helpers know the
 * request key without every call site passing it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { db } from './cloud';
import { isDuplicateKey } from './errors';

interface RequestScope {
  key: string;
  resuming: boolean;
  /** Ids made by ctx.newId() in this run: an insert under one of them may be this request's own. */
  ids: Set<string>;
  /** Counter increments made so far in this run: each gets its own tag. */
  bumps: number;
}

const scope = new AsyncLocalStorage<RequestScope>();

export function runInRequest<T>(key: string, resuming: boolean, fn: () => Promise<T>): Promise<T> {
  return scope.run({ key, resuming, ids: new Set(), bumps: 0 }, fn);
}

/** Note an id derived from the request (ctx.newId), so resume mode knows it as its own. */
export function rememberId(id: string) {
  scope.getStore()?.ids.add(id);
}

export const resuming = () => scope.getStore()?.resuming ?? false;

/** A short mark of the current request, stored with a state change it makes ('' outside one). */
export const requestMark = () => scope.getStore()?.key.slice(0, 20) ?? '';

/**
 * The tag of the next counter increment of this request, or '' outside one (timers). Increments
 * happen in the same order on a resumed run, so the n-th one has the same tag.
 */
export function nextBumpTag(): string {
  const s = scope.getStore();
  return s ? `${s.key.slice(0, 20)}:${s.bumps++}` : '';
}

/**
 * In resume mode, an insert whose id is this request's own and that is already stored is done:
 * it answers as a fresh insert would. Everything else (another document's id, a unique index)
 * still fails as it should.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
const collection = db.collection.bind(db);
db.collection = (name: string) => {
  const ref = collection(name);
  const add = ref.add.bind(ref);
  ref.add = async (options: { data?: { _id?: unknown } | { _id?: unknown }[] }) => {
    try {
      return await add(options);
    } catch (err) {
      const s = scope.getStore();
      const docs = options?.data;
      if (!s?.resuming || !isDuplicateKey(err)) throw err;
      // Several at once (a roster's shifts): the stored ones are done, the others go in now.
      if (Array.isArray(docs)) {
        const ids = docs.map((d) => d?._id);
        if (!ids.every((id): id is string => typeof id === 'string' && ownId(s, id))) throw err;
        const { data } = await collection(name)
          .where({ _id: db.command.in(ids) })
          .limit(ids.length)
          .get();
        const stored = new Set((data as any[]).map((d) => d._id));
        const rest = docs.filter((d) => !stored.has(d._id));
        if (rest.length) await add({ data: rest });
        return { _ids: ids };
      }
      const id = docs?._id;
      if (typeof id !== 'string' || !ownId(s, id)) throw err;
      const { data } = await collection(name).where({ _id: id }).limit(1).get();
      if (!(data as any[]).length) throw err;
      return { _id: id };
    }
  };
  return ref;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** An id made by ctx.newId() in this run, or named after one (`ws-` and its first 12 characters …). */
const ownId = (s: RequestScope, id: string) => s.ids.has(id) || [...s.ids].some((own) => id.includes(own.slice(0, 12)));
