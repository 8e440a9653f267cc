/**
 * The actions as their functions declare them (roles, unitOf, target), read from each function's
 * `main.actions`: the access matrix's expectations and the round-trip test's staff-only list are
 * derived from these, so a declaration is written once, with its action.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, type ActionName, type Role } from '@lxq/types';
import type { AnyActionDef } from '../../cloudfunctions/shared/action';

const FUNCTIONS = join(__dirname, '../../cloudfunctions');
const SCOPED: readonly Role[] = ['staff', 'admin'];

function loadDeclared(): Map<string, AnyActionDef> {
  const found = new Map<string, AnyActionDef>();
  for (const fn of readdirSync(FUNCTIONS)) {
    if (fn === 'shared' || !existsSync(join(FUNCTIONS, fn, 'index.ts'))) continue;
    const { main } = require(join(FUNCTIONS, fn, 'index.ts')) as { main: { actions: AnyActionDef[] } };
    for (const def of main.actions) found.set(def.name, def);
  }
  return found;
}

export const DECLARED = loadDeclared();

/** The contract's actions that no function declares, each with what to add. */
export function undeclared(): string[] {
  return Object.keys(ACTIONS)
    .filter((name) => !DECLARED.has(name))
    .map((name) => {
      const [fn, action] = name.split('.');
      return (
        `${name} is in types/actions but no function declares it: add cloudfunctions/${fn}/actions/${action}.ts ` +
        `with defineAction({ name: '${name}', roles, mutates, target or unitOf when it acts on one document }) ` +
        `and list it in cloudfunctions/${fn}/index.ts (npm run new:action ${name} does both)`
      );
    });
}

export function declared(name: ActionName): AnyActionDef {
  const def = DECLARED.get(name);
  if (!def) throw new Error(undeclared().find((m) => m.startsWith(`${name} `)) ?? `${name} is not declared`);
  return def;
}

/** Who may call at all without being staff or admin: these actions count against a citizen's or member's budget. */
export const openToPeople = (def: AnyActionDef) => def.roles.includes('citizen') || def.roles.includes('member');

export type Outcome = 'ok' | 'FORBIDDEN';

/** A caller of the access matrix: their roles, and whether the inputs' unit (会宁) is in their scope. */
export interface MatrixCaller {
  openid: string;
  roles: readonly Role[];
  inScope: boolean;
}

/**
 * What the router answers a caller, from the declaration alone. The matrix's inputs aim at 会宁
 * documents on which none of its callers is named (not the submitter, the assignee, on the
 * roster…), so a person relation never admits them; a `hidden` target answers NOT_FOUND, which
 * is not an access refusal ('ok': the request reached the access decision's far side).
 */
export function expectedOutcome(def: AnyActionDef, caller: MatrixCaller): Outcome {
  const holds = (roles: readonly Role[]) => roles.some((r) => caller.roles.includes(r));
  // The matrix's callers are mini-program callers: an action for a browser not signed in refuses them all.
  if (def.webGuestOnly) return 'FORBIDDEN';
  if (!def.roles.includes('citizen') && !holds(def.roles)) return 'FORBIDDEN';
  const staffInScope = (roles: readonly Role[]) => caller.inScope && holds(roles.filter((r) => SCOPED.includes(r)));
  if (def.unitOf && !staffInScope(def.roles)) return 'FORBIDDEN';
  if (def.target) {
    const scoped = def.roles.some((r) => SCOPED.includes(r)) ? def.roles : SCOPED;
    if (def.target.may.staffInScope && staffInScope(scoped)) return 'ok';
    return def.target.hidden ? 'ok' : 'FORBIDDEN';
  }
  return 'ok';
}
