/**
 * Failures that converge (issue 18): a mutation whose Nth database round trip fails, before the
 * database sees it or after it applied (the function dies not knowing), or whose worker is killed
 * right after it (the caller's callFunction rejects with -504002), is retried with the same
 * requestId until it answers; the final state must equal a clean call's: the same records, the
 * counters moved once, notifications once, one audit entry, and the answer the first call would
 * have given. Every N up to the clean call's own round trips (not those of work it starts in
 * other calls), all three ways (a read failed after the database answered is the same as before,
 * and runs once), for each scenario (faults/core.ts, core2.ts, and one file per group of domains).
 * The state is read once every call the emulator runs has ended (a notice's delivery included).
 */
import type { ActionInput, ActionName, ActionOutput, ActionResult } from '@lxq/types';
import { planFault, readTripsSoFar, tripsSoFar } from '../../../emulator/db/faults';
import { newRequestId, startSystem, type System } from '../system';

export let sys: System;

export interface Scenario<N extends ActionName> {
  name: N;
  /** Arranges what the call needs; answers who calls, with what, and the concern it touches. */
  arrange(citizen: string): Promise<{ openid: string; input: ActionInput<N>; concern?: string }>;
  /**
   * What else runs must agree on, read once the call and its work have ended, where the answer
   * alone cannot say (made alike and compared as the rest): that a random code answered is the
   * one stored, what a stored file holds.
   */
  check?(answer: ActionResult<ActionOutput<N>>, input: ActionInput<N>): Promise<unknown>;
}
export const scenario = <N extends ActionName>(s: Scenario<N>) => s as unknown as Scenario<ActionName>;

let citizens = 0;
/** A fresh citizen per run, so runs never share a submitter. */
const newCitizen = () => `o_fault_${citizens++}`;

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulator's store, read directly */
const store = () => (sys.emulator.database as any).sql;
const docOf = (t: string, id: string) => {
  const row = store().prepare(`SELECT doc FROM "${t}" WHERE _id = ?`).get(id);
  return row ? JSON.parse(row.doc) : null;
};
/**
 * Logs each document a call touches, with its content before its first change (null: it was
 * new) since the log was cleared: what a call changed is read from the log, not by scanning
 * every table. Run before each call, so tables made since get their triggers too.
 */
function logTouchedDocs() {
  store().exec('CREATE TEMP TABLE IF NOT EXISTS touched (t TEXT, id TEXT, doc TEXT, PRIMARY KEY (t, id))');
  const tables: string[] = store()
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c$%'")
    .all()
    .map((r: any) => r.name);
  for (const t of tables) {
    for (const [when, doc] of [
      ['INSERT', 'NULL'],
      ['UPDATE', 'OLD.doc'],
      ['DELETE', 'OLD.doc'],
    ]) {
      const row = when === 'INSERT' ? 'NEW' : 'OLD';
      store().exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "touch_${t}_${when}" BEFORE ${when} ON main."${t}" BEGIN INSERT OR IGNORE INTO touched VALUES ('${t}', ${row}._id, ${doc}); END`,
      );
    }
  }
  store().exec('DELETE FROM touched');
}
const touched = (): { t: string; id: string; doc: string | null }[] =>
  store().prepare('SELECT t, id, doc FROM touched').all();
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Leaves of a document, flattened (timeline.2.action, counts.submitted …). */
function leaves(value: unknown, prefix = '', out: Record<string, unknown> = {}) {
  if (value && typeof value === 'object' && !(value as { $date?: unknown }).$date) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}

/**
 * What differs between runs made alike: ids, times (and a file name's time stamp), the run's own
 * people, an invitation's random code, a QR image (it draws the random part), a meeting's sign-in
 * secret (32 random bytes, base64url).
 */
function alike(value: unknown, citizen: string): unknown {
  if (typeof value !== 'string') return value && typeof value === 'object' ? 'TIME' : value;
  return value
    .replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'PNG')
    .replace(/^[A-Za-z0-9_-]{43}$/, 'SECRET')
    .split(citizen)
    .join('CITIZEN')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')
    .replace(/\b\d{8}-\d{6}(-[0-9a-f]{6,8})?\b/g, 'STAMP')
    .replace(/([?&]t=)\d+/g, '$1TIME')
    .replace(/[0-9a-f]{12,40}/g, 'ID')
    .replace(/^[A-Z0-9]{8}$/, 'CODE');
}
/** An answer made alike string by string (a random code is only recognised as a whole string). */
const alikeDeep = (value: unknown, citizen: string): unknown =>
  Array.isArray(value)
    ? value.map((v) => alikeDeep(v, citizen))
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, alikeDeep(v, citizen)]))
      : alike(value, citizen);

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
async function effects(
  run: () => Promise<{ answer: unknown; roundTrips?: number; reads?: number[] }>,
  s: Scenario<ActionName>,
) {
  const citizen = newCitizen();
  const t0 = Date.now();
  const { openid, input } = await s.arrange(citizen);
  const t1 = Date.now();
  logTouchedDocs();
  const outboxBefore = sys.emulator.outbox().length;
  current = { openid, name: s.name, input };
  const { answer, roundTrips, reads } = await run();
  // Work the call started in other calls (a notice's delivery) ends before the state is read.
  await sys.emulator.functionsSettled();
  const changed: string[] = [];
  for (const { t, id, doc } of touched()) {
    const current = docOf(t, id);
    if (!current && !doc) continue;
    if (!current) {
      changed.push(`${t} removed`);
      continue;
    }
    const now = leaves(current);
    const was = doc ? leaves(JSON.parse(doc)) : null;
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
  const checked = s.check ? { checked: alikeDeep(await s.check(answer as never, input as never), citizen) } : {};
  spent.arrange += t1 - t0;
  spent.calls += Date.now() - t1;
  return {
    roundTrips: roundTrips ?? 0,
    reads: new Set(reads),
    state: {
      answer: JSON.stringify(alikeDeep(answer, citizen)),
      changed: changed.sort(),
      pushes: sys.emulator.outbox().length - outboxBefore,
      ...checked,
    },
  };
}

/** Where a scenario's time goes (printed with its count): arranging, or the calls and their checks. */
const spent = { arrange: 0, calls: 0 };

let current: { openid: string; name: ActionName; input: unknown } | null = null;

/** One clean call, counting its own round trips (not those of work it starts in other calls). */
const clean = async () => {
  planFault({ fn: current!.name.split('.')[0], n: 0, when: 'before' });
  const answer = await sys.as(current!.openid).call(current!.name, current!.input as never, newRequestId());
  const roundTrips = tripsSoFar();
  const reads = readTripsSoFar();
  planFault(null);
  return { answer, roundTrips, reads };
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
  return { answer };
};

/**
 * Which round trips to fail: every one, up to MAX_TRIPS; beyond that (a unit's move re-paths some
 * fifty collections) the first and last ten and an even spread between, to keep `npm test` within
 * its time. `LXQ_FAULTS_ALL=1` fails every one (and every write all three ways: waysToFail).
 */
const MAX_TRIPS = 30;
export function tripsToFail(total: number): number[] {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  if (total <= MAX_TRIPS || process.env.LXQ_FAULTS_ALL === '1') return all;
  const ends = [...all.slice(0, 10), ...all.slice(-10)];
  const middle = all.slice(10, -10);
  const step = middle.length / (MAX_TRIPS - ends.length);
  const spread = Array.from({ length: MAX_TRIPS - ends.length }, (_, i) => middle[Math.floor(i * step)]);
  return [...new Set([...ends, ...spread])].sort((a, b) => a - b);
}

// In the order a call's writes take them: applied but unheard first, the telling one.
const WAYS = ['after', 'kill', 'before'] as const;

/**
 * How to fail one round trip. A read is failed before it applies: failed after the database
 * answered it is the same, and a worker killed right after a read dies with what the last write
 * before it left, which that write's kill covers. A write is failed all three ways with
 * `LXQ_FAULTS_ALL=1`; in `npm test`, to keep its time, one way each, in turn, so a call's writes
 * meet all three (the k-th write of every call starts the turn anew).
 */
function waysToFail(read: boolean, k: number): readonly (typeof WAYS)[number][] {
  if (read) return ['before'];
  return process.env.LXQ_FAULTS_ALL === '1' ? WAYS : [WAYS[k % WAYS.length]];
}

/** Registers the suite: each scenario's clean call, then every N × every way, against it. */
export function faultSuite(scenarios: Scenario<ActionName>[]) {
  beforeAll(async () => {
    sys = await startSystem();
  }, 60_000);
  afterAll(() => sys.stop());

  describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_, s) => {
    test('when any one of its round trips fails (before or after it applied, or the worker dies there), then a retry ends as a clean call does', async () => {
      Object.assign(spent, { arrange: 0, calls: 0 });
      const reference = await effects(clean, s);
      expect(reference.state.answer).toMatch(/^\{"ok":true/);
      // The failures are expected: their logs would only slow the run down.
      const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      let cases = 0;
      try {
        let writes = 0;
        for (const n of tripsToFail(reference.roundTrips)) {
          for (const when of waysToFail(reference.reads.has(n), writes)) {
            const got = await effects(faulted(n, when), s);
            expect({ n, when, ...got.state }).toEqual({ n, when, ...reference.state });
            cases++;
          }
          if (!reference.reads.has(n)) writes++;
        }
      } finally {
        quiet.mockRestore();
      }
      const secs = (ms: number) => (ms / 1000).toFixed(1);
      console.log(
        `${s.name}: ${reference.roundTrips} round trips${reference.roundTrips > MAX_TRIPS && process.env.LXQ_FAULTS_ALL !== '1' ? ` (${MAX_TRIPS} of them failed)` : ''}, ${cases} faulted calls converged (arrange ${secs(spent.arrange)} s, calls ${secs(spent.calls)} s)`,
      );
    }, 240_000);
  });
}
