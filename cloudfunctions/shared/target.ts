import type { Role } from '@lxq/types';
import type { ActionContext } from './action';
import { mayAct, SCOPED_ROLES } from './caller';
import { forbidden, notFound } from './errors';

/**
 * A person a document names: by openid (copied onto it, so matching needs no look-up) and/or by
 * user id (matching it loads the caller's user: one round trip, only when the openid did not match).
 */
export interface Named {
  openid?: string | null;
  userId?: string | null;
}

/** The people a document names, by how they stand to it. */
export const PERSON_RELATIONS = ['assignee', 'submitter', 'partner', 'rostered', 'stationMember'] as const;
export type PersonRelation = (typeof PERSON_RELATIONS)[number];
/** How the caller reached the document: a person it names, or staff whose unit holds it. */
export type Relation = PersonRelation | 'staffInScope';

export type May<T> = Partial<Record<PersonRelation, (doc: T) => Named | readonly Named[] | null | undefined>> & {
  /** The document's unit path (ancestors + itself); null when it has none, and the role suffices. */
  staffInScope?: (doc: T) => string[] | null;
};

/**
 * The document an action acts on and who may act on it. The router loads it once, admits the
 * caller when any one relation holds (people named by openid first, then those named by user id,
 * then staff in scope), and hands it to the handler as its third argument.
 */
export interface Target<I, T> {
  /** Loads the document; throws NOT_FOUND itself when it must exist (or answers null, passed on). */
  load: (input: I, ctx: ActionContext) => Promise<T>;
  may: May<T>;
  /** The FORBIDDEN message for everyone else. */
  refuse?: string;
  /** Set when everyone else must not even learn the document exists: they get NOT_FOUND with this message. */
  hidden?: string;
}

/** What the handler is given: the document, how the caller reached it, and the matching entry of a list relation. */
export interface Reached<T> {
  doc: T;
  as: Relation;
  /** The index of the caller in a list relation (a shift's roster), otherwise -1. */
  at: number;
}

/** Declares a target with its document type fixed, so `may` and the handler are typed by it. */
export function target<I, T>(t: Target<I, T>): Target<I, T> {
  return t;
}

/** Loads the target and admits the caller, or refuses as the declaration says. */
export async function reachTarget<T>(
  t: Target<unknown, T>,
  roles: readonly Role[],
  input: unknown,
  ctx: ActionContext,
): Promise<Reached<T>> {
  const doc = await t.load(input, ctx);
  const people = PERSON_RELATIONS.filter((r) => t.may[r]).map((r) => [r, named(t.may[r]!(doc))] as const);
  for (const [as, list] of people) {
    const at = list.findIndex((p) => !!p.openid && p.openid === ctx.openid);
    if (at >= 0) return { doc, as, at };
  }
  const byUser = people.some(([, list]) => list.some((p) => p.userId));
  if (byUser || t.may.staffInScope) {
    const caller = await ctx.caller();
    const userId = caller.user?._id;
    for (const [as, list] of people) {
      const at = userId ? list.findIndex((p) => p.userId === userId) : -1;
      if (at >= 0) return { doc, as, at };
    }
    const scoped = roles.filter((r) => SCOPED_ROLES.includes(r));
    if (t.may.staffInScope && mayAct(caller, scoped.length ? scoped : SCOPED_ROLES, t.may.staffInScope(doc))) {
      return { doc, as: 'staffInScope', at: -1 };
    }
  }
  throw t.hidden ? notFound(t.hidden) : forbidden(t.refuse);
}

function named(v: Named | readonly Named[] | null | undefined): readonly Named[] {
  if (!v) return [];
  return Array.isArray(v) ? v : [v as Named];
}
