/**
 * Failures that converge (issue 18): a mutation whose Nth database round trip fails, before the
 * database sees it or after it applied (the function dies not knowing), or whose worker is killed
 * right after it (the caller's callFunction rejects with -504002), is retried with the same
 * requestId until it answers; the final state must equal a clean call's: the same records, the
 * counters moved once, notifications once, one audit entry, and the answer the first call would
 * have given. Every N up to the clean call’s round trips, all three ways, for each scenario (faults/core.ts, and one file per group of domains).
 */
import type { ActionInput, ActionName } from '@lxq/types';
import { planFault } from '../../../emulator/db/faults';
import { newRequestId, startSystem, type System } from '../system';

export let sys: System;

export interface Scenario<N extends ActionName> {
  name: N;
  /** Arranges what the call needs; answers who calls, with what, and the concern it touches. */
  arrange(citizen: string): Promise<{ openid: string; input: ActionInput<N>; concern?: string }>;
}
export const scenario = <N extends ActionName>(s: Scenario<N>) => s as unknown as Scenario<ActionName>;

let citizens = 0;
/** A fresh citizen per run, so runs never share a submitter. */
const newCitizen = () => `o_fault_${citizens++}`;

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulator's store, read directly */
const store = () => (sys.emulator.database as any).sql;
const tables = (): string[] =>
  store()
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c$%'")
    .all()
    .map((r: any) => r.name);
/** Every document's version, by table: what a call changed is what moved. */
const versions = () =>
  new Map<string, Map<string, number>>(
    tables().map((t) => [
      t,
      new Map(
        store()
          .prepare(`SELECT _id, version FROM "${t}"`)
          .all()
          .map((r: any) => [r._id, r.version]),
      ),
    ]),
  );
const docOf = (t: string, id: string) => {
  const row = store().prepare(`SELECT doc FROM "${t}" WHERE _id = ?`).get(id);
  return row ? JSON.parse(row.doc) : null;
};
/** Keeps each document's content as it was before its first change since the log was cleared. */
function logOldDocs() {
  store().exec('CREATE TEMP TABLE IF NOT EXISTS old_docs (t TEXT, id TEXT, doc TEXT, PRIMARY KEY (t, id))');
  for (const t of tables()) {
    for (const when of ['UPDATE', 'DELETE']) {
      store().exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "keep_${t}_${when}" BEFORE ${when} ON main."${t}" BEGIN INSERT OR IGNORE INTO old_docs VALUES ('${t}', OLD._id, OLD.doc); END`,
      );
    }
  }
}
const oldDoc = (t: string, id: string) => {
  const row = store().prepare('SELECT doc FROM old_docs WHERE t = ? AND id = ?').get(t, id);
  return row ? leaves(JSON.parse(row.doc)) : {};
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Leaves of a document, flattened (timeline.2.action, counts.submitted …). */
function leaves(value: unknown, prefix = '', out: Record<string, unknown> = {}) {
  if (value && typeof value === 'object' && !(value as { $date?: unknown }).$date) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}

/** What differs between runs made alike: ids, times, the run's own people, the resume marks. */
function alike(value: unknown, citizen: string): unknown {
  if (typeof value !== 'string') return value && typeof value === 'object' ? 'TIME' : value;
  return value
    .split(citizen)
    .join('CITIZEN')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')
    .replace(/[0-9a-f]{12,40}/g, 'ID')
    .replace(/^[A-Z0-9]{8}$/, 'CODE');
}
/**
 * Not compared: the resume marks, and an inbox item's push outcome. A subscribe message is sent at
 * most once: a push in flight when a call dies is not sent again (it may have gone), so the item
 * exists exactly once but may say 'skipped' where a clean call says what the push answered.
 */
const IGNORED = /^(bumps|lastChange|_id|push)(\.|$)|\.version$/;

/**
 * What a call changed, comparable across runs: each new document's leaves, each changed one's
 * changed leaves (numbers as the amount they moved), each removed one; sorted.
 */
async function effects(run: () => Promise<{ answer: unknown; requestId: string }>, s: Scenario<ActionName>) {
  const citizen = newCitizen();
  const { openid, input } = await s.arrange(citizen);
  const before = versions();
  store().exec('DELETE FROM old_docs');
  const outboxBefore = sys.emulator.outbox().length;
  current = { openid, name: s.name, input };
  const trips = sys.emulator.database.roundTrips;
  const { answer } = await run();
  const roundTrips = sys.emulator.database.roundTrips - trips;
  const after = versions();
  const changed: string[] = [];
  for (const [t, ids] of after) {
    const old = before.get(t) ?? new Map();
    for (const [id, v] of ids) {
      if (old.get(id) === v) continue;
      const now = leaves(docOf(t, id));
      const was = old.has(id) ? oldDoc(t, id) : null;
      const parts = Object.entries(now)
        .filter(([k]) => !IGNORED.test(k))
        .filter(([k, x]) => !was || JSON.stringify(was[k]) !== JSON.stringify(x))
        .map(([k, x]) =>
          was && typeof x === 'number' && (was[k] === undefined || typeof was[k] === 'number')
            ? `${k}+=${x - ((was[k] as number | undefined) ?? 0)}`
            : `${k}=${JSON.stringify(alike(x, citizen))}`,
        )
        .sort();
      changed.push(`${t} ${was ? 'changed' : 'new'}: ${parts.join(', ')}`);
    }
    for (const id of old.keys()) if (!ids.has(id)) changed.push(`${t} removed`);
  }
  return {
    roundTrips,
    state: {
      answer: alike(JSON.stringify(answer), citizen),
      changed: changed.sort(),
      pushes: sys.emulator.outbox().length - outboxBefore,
    },
  };
}

let current: { openid: string; name: ActionName; input: unknown } | null = null;

/** One clean call. */
const clean = async () => {
  const requestId = newRequestId();
  const answer = await sys.as(current!.openid).call(current!.name, current!.input as never, requestId);
  return { answer, requestId };
};

/**
 * A call whose Nth round trip fails (or whose worker is killed right after it applied: the
 * client's callFunction rejects, as for a crash on the platform), then retried with the same
 * requestId until it answers.
 */
const faulted = (n: number, when: 'before' | 'after' | 'kill') => async () => {
  const requestId = newRequestId();
  const [fn] = current!.name.split('.');
  const attempt = () =>
    sys
      .as(current!.openid)
      .call(current!.name, current!.input as never, requestId)
      .catch((err: unknown) => ({ ok: false, crashed: String(err) }));
  planFault({ fn, n, when });
  let answer = await attempt();
  const fired = planFault(null);
  expect(fired).toBe(true);
  if (when === 'kill') expect(answer).toMatchObject({ crashed: expect.stringContaining('-504002') });
  for (let retry = 0; retry < 3 && !(answer as { ok: boolean }).ok; retry++) answer = await attempt();
  return { answer, requestId };
};

/** Registers the suite: each scenario's clean call, then every N × every way, against it. */
export function faultSuite(scenarios: Scenario<ActionName>[]) {
  beforeAll(async () => {
    sys = await startSystem();
    logOldDocs();
  }, 60_000);
  afterAll(() => sys.stop());

  describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_, s) => {
    test('when any one of its round trips fails (before or after it applied, or the worker dies there), then a retry ends as a clean call does', async () => {
      const reference = await effects(clean, s);
      expect(reference.state.answer).toMatch(/^\{"ok":true/);
      let cases = 0;
      for (let n = 1; n <= reference.roundTrips; n++) {
        for (const when of ['before', 'after', 'kill'] as const) {
          const got = await effects(faulted(n, when), s);
          expect({ n, when, ...got.state }).toEqual({ n, when, ...reference.state });
          cases++;
        }
      }
      console.log(`${s.name}: ${reference.roundTrips} round trips, ${cases} faulted calls converged`);
    }, 120_000);
  });
}
