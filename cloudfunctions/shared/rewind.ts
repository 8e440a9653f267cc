/**
 * Resumable state changes for documents whose change is one guarded update (topics, reports …):
 * the update also stores `lastChange`, the request's mark with what the fields it set held
 * before and how many items it appended. When that request is retried after dying past the
 * update (resume.ts), the document is loaded rewound to how the request first found it, so the
 * handler decides and answers exactly as the first call would have, and the change itself is not
 * applied again (`alreadyChanged`): what came after it (notifications, the audit) is finished.
 */
import type { LastChange } from '@lxq/types';
import { requestMark } from './resume';

interface Changeable {
  lastChange?: LastChange | null;
}

/** The `lastChange` to store with a change (null outside a request: timers change without one). */
export function changeMark(
  doc: object,
  set: Record<string, unknown>,
  push: Record<string, unknown[] | undefined> = {},
): { lastChange: LastChange } | Record<string, never> {
  const mark = requestMark();
  if (!mark) return {};
  return {
    lastChange: {
      mark,
      // A field the document did not have is named alone: rewound, it is absent again, not null.
      before: Object.keys(set).map((path) => {
        const value = read(doc, path);
        return value === undefined ? [path] : [path, value];
      }),
      pushed: Object.entries(push)
        .filter(([, items]) => !!items?.length)
        .map(([path, items]) => [path, items!.length]),
      // Said each time: an update merges an object field, and an earlier insert's mark said true.
      created: false,
    },
  };
}

/** The `lastChange` to store with a document a request inserts under an id of its own choosing. */
export function createMark(): { lastChange: LastChange } | Record<string, never> {
  const mark = requestMark();
  return mark ? { lastChange: { mark, before: [], pushed: [], created: true } } : {};
}

/** The mark for a change of `doc` (or, when the request found none, for the document it stores). */
export const changeRecord = (doc: object | null, set: Record<string, unknown>) =>
  doc ? changeMark(doc, set) : createMark();

/**
 * The document as this request first found it (null when this request stored it), and whether
 * this request already changed it.
 */
export function asFound<T extends object>(doc: T | null): { found: T | null; changed: boolean } {
  if (!doc || !alreadyChanged(doc)) return { found: doc, changed: false };
  return { found: (doc as Changeable).lastChange?.created ? null : rewound(doc), changed: true };
}

/** Whether this request made the document's last change (it is being resumed past it). */
export const alreadyChanged = (doc: object) =>
  !!requestMark() && (doc as Changeable).lastChange?.mark === requestMark();

/** The document as this request first found it when the request already changed it; else as it is. */
export function rewound<T extends object>(doc: T): T {
  const last = (doc as Changeable).lastChange;
  if (!last || !alreadyChanged(doc)) return doc;
  const copy = structuredClone(doc);
  for (const [path, n] of last.pushed) {
    const items = read(copy, path);
    if (Array.isArray(items)) items.splice(items.length - n, n);
  }
  for (const [path, ...value] of last.before) write(copy, path, value.length ? value[0] : undefined);
  return copy;
}

function read(doc: unknown, path: string): unknown {
  let at: unknown = doc;
  for (const key of path.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

function write(doc: object, path: string, value: unknown) {
  const keys = path.split('.');
  let at = doc as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (!at[key] || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
}
