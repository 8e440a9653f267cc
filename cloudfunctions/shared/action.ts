import type { ActionName, ActionOutput, ActionParsed, Role } from '@lxq/types';
import { ACTIONS } from '@lxq/types';
import type { Caller } from './caller';
import type { Reached, Target } from './target';
import type { ActionLimit } from './limits';

/** What a handler is given besides its input. */
export interface ActionContext {
  openid: string;
  /** Loads (once) who is calling. */
  caller(): Promise<Caller>;
  /** The caller's user document, or FORBIDDEN. */
  user(): Promise<NonNullable<Caller['user']>>;
  /** The unit whose subtree a staff/admin caller acts in. */
  scopeUnitId(): Promise<string>;
  /** An id derived from the request: the same on a retry, so a retried insert cannot store twice. */
  newId(salt?: string): string;
  /** Record what changed for the audit log (target, before, after; the unit it is filed under when not the declared one). */
  audit(target: string, before: unknown, after: unknown, unitPath?: string[]): void;
  now: Date;
}

/** `T`: the document the action declares as its `target` (none by default). */
export interface ActionDef<N extends ActionName, T = unknown> {
  name: N;
  /** Who may call: 'citizen' means anyone who opened the mini-program. */
  roles: readonly Role[];
  /** Mutations need a requestId, are idempotent by it, and are audited. */
  mutates: boolean;
  /** Only a browser that is not signed in may call (the PC sign-in page): the mini-program and signed-in PCs are refused. */
  webGuestOnly?: boolean;
  /**
   * The handler's writes cannot apply twice on their own: an insert under a `ctx.newId()` id, or
   * an update guarded by the state it changes. A retry then fails on that write (duplicate key,
   * INVALID_STATE, CONFLICT) and gets the first answer from the audit log, so the router skips
   * looking the request up first: one database round trip fewer for citizen and member actions.
   */
  retrySafe?: boolean;
  /**
   * The unit the call touches, as its path (ancestors + itself), for the scope check. Leave it out
   * when the handler scopes its own queries to `scopeUnitId()` or to the caller's own records.
   */
  unitOf?: (input: ActionParsed<N>, ctx: ActionContext) => Promise<string[] | null>;
  /** How often one caller may call it (shared/limits.ts): beyond it, RATE_LIMITED. */
  limit?: ActionLimit;
  /**
   * The document the action acts on and who may act on it (its submitter, assignee, rostered
   * members, staff in scope…): loaded once by the router, refused there, and given to the handler
   * as `target.doc`. Declare it instead of checking inside the handler.
   */
  target?: Target<ActionParsed<N>, T>;
  handler: (input: ActionParsed<N>, ctx: ActionContext, target: Reached<T>) => Promise<ActionOutput<N>>;
}

/** Any one action, whatever its target: what a function's list of actions holds. */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action's target type is its own */
export type AnyActionDef = { [N in ActionName]: ActionDef<N, any> }[ActionName];

/** Declares an action; its input schema and result type come from types/ by name. */
export function defineAction<N extends ActionName, T = unknown>(def: ActionDef<N, T>): ActionDef<N, T> {
  if (!ACTIONS[def.name]) throw new Error(`unknown action ${def.name}`);
  return def;
}
