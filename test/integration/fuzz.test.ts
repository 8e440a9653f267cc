/**
 * Property-based fuzz (issue 18) over every action's input schema (types/actions) and every role:
 * inputs generated from the schema (mostly well-formed, some valid) and broken ones (wrong types,
 * lone surrogates, deep nesting, unknown keys). Whatever comes in, the answer is never INTERNAL;
 * a refusal changes nothing in the database; a VALIDATION answer names a field with a Chinese
 * message. Bounded: a fixed number of runs per action, and it prints how many cases ran.
 */
import fc from 'fast-check';
import { ACTIONS, type ActionName } from '@lxq/types';
import { startSystem, WHO, type System } from './system';

let sys: System;
/** Database writes that changed something since the counter was last read. */
let changes = 0;
beforeAll(async () => {
  sys = await startSystem();
  const db = sys.emulator.database;
  const handle = db.handle.bind(db);
  db.handle = async (body: Record<string, unknown>) => {
    const answer = await handle(body);
    const data = (answer.data ?? {}) as { insertedIds?: unknown[]; updated?: number; deleted?: number };
    if (!answer.code && ((data.insertedIds?.length ?? 0) > 0 || (data.updated ?? 0) > 0 || (data.deleted ?? 0) > 0))
      changes++;
    return answer;
  };
}, 60_000);
afterAll(() => sys.stop());

const ROLES: Record<string, string> = {
  citizen: 'o_fuzz_citizen',
  member: WHO.member,
  staff: WHO.huiningStaff,
  cityStaff: WHO.cityStaff,
  admin: WHO.admin,
};
/** Ids that exist in the demo data, so some generated inputs reach the handlers' deeper paths. */
const IDS = ['ws-huishi', 'ws-dongwan', 'u-huining', 'u-baiyin', 'user-m31', 'user-m02', 'notice-demo-1', 'nope'];
const HAN = [...'会宁县政协委员群众诉求路灯修复社区走访学习通知'];
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 12);

/* eslint-disable @typescript-eslint/no-explicit-any -- walking zod's internal definitions */
type Def = { type: string; [k: string]: any };
const defOf = (schema: any): Def => schema._zod.def;

function bound(def: Def, kinds: string[], field: string): number | undefined {
  const c = (def.checks ?? []).map((x: any) => x._zod.def).find((d: any) => kinds.includes(d.check));
  return c?.[field] ?? c?.value;
}

/** Well-formed values for a schema (valid ones among them). */
function wellFormed(schema: any, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const pattern = (def.checks ?? []).map((x: any) => x._zod.def).find((d: any) => d.pattern)?.pattern;
      if (pattern) return fc.stringMatching(pattern);
      if (/id$/i.test(key)) return fc.constantFrom(...IDS);
      const min = bound(def, ['min_length'], 'minimum') ?? 0;
      const max = Math.min(bound(def, ['max_length'], 'maximum') ?? 40, min + 30);
      return fc.string({ unit: fc.constantFrom(...HAN), minLength: min, maxLength: Math.max(min, max) });
    }
    case 'number': {
      const min = bound(def, ['greater_than'], 'value') ?? -5;
      const max = bound(def, ['less_than'], 'value') ?? 200;
      return fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(wellFormed(def.element, key), { maxLength: 3 });
    case 'object': {
      const shape = def.shape as Record<string, any>;
      const optional = Object.keys(shape).filter((k) => ['optional', 'default'].includes(defOf(shape[k]).type));
      const required = Object.keys(shape).filter((k) => !optional.includes(k));
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, wellFormed(s, k)])), {
        requiredKeys: required,
      });
    }
    case 'optional':
    case 'default':
    case 'nullable':
      return fc.option(wellFormed(def.innerType, key), { nil: def.type === 'nullable' ? null : undefined });
    case 'pipe':
      return wellFormed(def.in, key);
    default:
      return fc.jsonValue();
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const nest = (levels: number): unknown => (levels ? { a: nest(levels - 1) } : '底');

/** Broken values: anything at all, text with a lone surrogate half, nesting, a well-formed one spoiled. */
const spoiled = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>('路灯\ud800', { title: '路灯\udc00' }, nest(40)),
    fc
      .tuple(valid, fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom<unknown>(nest(40), '\ud83d')))
      .map(([v, k, junk]) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k || 'x']: junk } : junk)),
  );

let cases = 0;
const outcomes: Record<string, number> = {};
const HAS_HAN = /[\u4e00-\u9fa5]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether anything in the input is a lone surrogate half, or nests deeper than any form. */
function malformed(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return LONE.test(value);
  if (!value || typeof value !== 'object') return false;
  if (depth >= 12) return true;
  return Object.entries(value).some(([k, v]) => LONE.test(k) || malformed(v, depth + 1));
}

describe.each(Object.keys(ACTIONS).map((name) => [name as ActionName]))('%s', (name) => {
  test('when fuzzed as every role, then never INTERNAL, a refusal changes nothing, VALIDATION names a field in Chinese', async () => {
    const valid = wellFormed(ACTIONS[name].input);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(ROLES)),
        fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: spoiled(valid), weight: 2 }),
        async (role, input) => {
          cases++;
          const before = changes;
          const res = await sys.as(ROLES[role]).call(name, input as never);
          const outcome = res.ok ? 'ok' : res.error.code;
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          // Refused at the edge, whoever calls: nothing malformed is stored or reaches a handler.
          if (malformed(input)) expect([role, outcome]).toEqual([role, 'VALIDATION']);
          if (res.ok) return;
          expect([role, res.error.code]).not.toEqual([role, 'INTERNAL']);
          expect(HAS_HAN.test(res.error.message)).toBe(true);
          expect({ refused: res.error.code, changes: changes - before }).toEqual({
            refused: res.error.code,
            changes: 0,
          });
          if (res.error.code === 'VALIDATION') {
            const fields = Object.entries(res.error.fields ?? {});
            expect(fields.length).toBeGreaterThan(0);
            for (const [field, message] of fields) expect([field, HAS_HAN.test(message)]).toEqual([field, true]);
          }
        },
      ),
      { numRuns: RUNS_PER_ACTION, seed: Number(process.env.FUZZ_SEED ?? 18), endOnFailure: true },
    );
  }, 60_000);
});

afterAll(() =>
  console.log(
    `fuzz: ${cases} cases over ${Object.keys(ACTIONS).length} actions × ${Object.keys(ROLES).length} roles: ${JSON.stringify(outcomes)}`,
  ),
);
