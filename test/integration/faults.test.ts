/**
 * Failures that converge (issue 18): a mutation whose Nth database round trip fails, before the
 * database sees it or after it applied (the function dies not knowing), is retried with the same
 * requestId until it answers; the final state must equal a clean call's: the same records, the
 * counters moved once, notifications once, one audit entry, and the answer the first call would
 * have given. Every N up to the clean call's round trips, both ways, for each mutation below.
 */
import { createHash } from 'node:crypto';
import type { ActionInput, ActionName } from '@lxq/types';
import { planFault } from '../../emulator/db/faults';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const MEMBER = WHO.member;
const BUCKET = 'ws:ws-huishi';
const form = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '会师南路路灯不亮',
  text: '会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多。',
  consent: true,
} as const;

let citizens = 0;
/** A fresh citizen per run, so runs never share a submitter. */
const newCitizen = () => `o_fault_${citizens++}`;

/** Brings a new concern of `citizen` to a status, through the real actions. */
async function concernIn(status: string, citizen: string): Promise<string> {
  const { _id: id } = await sys.as(citizen).ok('concern.submit', form);
  const staff = sys.as(WHO.cityStaff);
  if (status === 'submitted') return id;
  await staff.ok('concern.accept', { id });
  if (status === 'accepted') return id;
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  if (status === 'assigned') return id;
  await sys.as(MEMBER).ok('concern.start', { id });
  if (status === 'in_progress') return id;
  await sys.as(MEMBER).ok('concern.reply', { id, text: '已协调供电所修复，请查看效果。' });
  return id;
}

interface Scenario<N extends ActionName> {
  name: N;
  /** Arranges what the call needs; answers who calls, with what, and the concern it touches. */
  arrange(citizen: string): Promise<{ openid: string; input: ActionInput<N>; concern?: string }>;
}
const scenario = <N extends ActionName>(s: Scenario<N>) => s as unknown as Scenario<ActionName>;

const SCENARIOS = [
  scenario({ name: 'concern.submit', arrange: async (c) => ({ openid: c, input: form }) }),
  scenario({
    name: 'concern.accept',
    arrange: async (c) => {
      const id = await concernIn('submitted', c);
      return { openid: WHO.cityStaff, input: { id }, concern: id };
    },
  }),
  scenario({
    name: 'concern.assign',
    arrange: async (c) => {
      const id = await concernIn('accepted', c);
      return { openid: WHO.cityStaff, input: { id, target: { kind: 'member', id: 'user-m02' } }, concern: id };
    },
  }),
  scenario({
    name: 'concern.start',
    arrange: async (c) => {
      const id = await concernIn('assigned', c);
      return { openid: MEMBER, input: { id }, concern: id };
    },
  }),
  scenario({
    name: 'concern.reply',
    arrange: async (c) => {
      const id = await concernIn('in_progress', c);
      return { openid: MEMBER, input: { id, text: '已协调供电所修复，请查看效果。' }, concern: id };
    },
  }),
  scenario({
    name: 'concern.rate',
    arrange: async (c) => {
      const id = await concernIn('replied', c);
      return { openid: c, input: { id, score: 5, comment: '满意' }, concern: id };
    },
  }),
  scenario({
    name: 'concern.reopen',
    arrange: async (c) => {
      const id = await concernIn('replied', c);
      return { openid: c, input: { id, reason: '路灯修了又坏了' }, concern: id };
    },
  }),
];

const requestKey = (action: string, openid: string, requestId: string) =>
  createHash('sha1').update(`${action}|${openid}|${requestId}`).digest('hex');

async function doc(collection: string, id: string) {
  const { data } = await sys.db.collection(collection).where({ _id: id }).limit(1).get();
  return data[0] ?? null;
}

/** Numbers of a counter document, flattened (counts.submitted, quarters.2026Q4.collected …). */
function numbers(value: unknown, prefix = '', out: Record<string, number> = {}) {
  if (typeof value === 'number') out[prefix] = value;
  else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))
    for (const [k, v] of Object.entries(value)) numbers(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** A stored document with what differs between two runs (ids, times, who) made alike. */
function alike(value: unknown, citizen: string): unknown {
  if (value instanceof Date) return 'TIME';
  if (Array.isArray(value)) return value.map((v) => alike(v, citizen));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['_id', 'lastChange', 'bumps'].includes(k))
        .map(([k, v]) => [k, alike(v, citizen)]),
    );
  }
  if (typeof value === 'string') {
    if (value === citizen) return 'CITIZEN';
    if (/^\d{4}-\d\d-\d\dT/.test(value)) return 'TIME';
    if (/^[0-9a-f]{24}$/.test(value)) return 'ID';
  }
  return value;
}

/** What a call changed, in terms that can be compared across runs. */
async function effects(run: () => Promise<{ answer: unknown; requestId: string }>, s: Scenario<ActionName>) {
  const citizen = newCitizen();
  const { openid, input, concern } = await s.arrange(citizen);
  const bucketBefore = numbers(await doc('concern_counters', BUCKET));
  const inboxBefore = (await sys.db.collection('inbox').where({ openid: 'o_member_02' }).count()).total;
  const outboxBefore = sys.emulator.outbox().length;
  const trips = sys.emulator.database.roundTrips;
  const { answer, requestId } = await runAs(openid, s.name, input, run);
  const roundTrips = sys.emulator.database.roundTrips - trips;
  const id = concern ?? (answer as { ok: true; data: { _id: string } }).data._id;
  const bucketAfter = numbers(await doc('concern_counters', BUCKET));
  const counted = Object.fromEntries(
    Object.keys({ ...bucketBefore, ...bucketAfter })
      .map((k) => [k, (bucketAfter[k] ?? 0) - (bucketBefore[k] ?? 0)] as const)
      .filter(([, d]) => d !== 0),
  );
  const audit = await doc('audit', requestKey(s.name, openid, requestId));
  return {
    roundTrips,
    state: {
      answer: alike(answer, citizen),
      concern: alike(await doc('concerns', id), citizen),
      counted,
      inbox: (await sys.db.collection('inbox').where({ openid: 'o_member_02' }).count()).total - inboxBefore,
      pushes: sys.emulator.outbox().length - outboxBefore,
      audited: audit ? alike(audit.result, citizen) : null,
    },
  };
}

let current: { openid: string; name: ActionName; input: unknown } | null = null;
async function runAs(
  openid: string,
  name: ActionName,
  input: unknown,
  run: () => Promise<{ answer: unknown; requestId: string }>,
) {
  current = { openid, name, input };
  return run();
}

/** One clean call. */
const clean = async () => {
  const requestId = newRequestId();
  const answer = await sys.as(current!.openid).call(current!.name, current!.input as never, requestId);
  return { answer, requestId };
};

/** A call whose Nth round trip fails, then retried with the same requestId until it answers. */
const faulted = (n: number, when: 'before' | 'after') => async () => {
  const requestId = newRequestId();
  const [fn] = current!.name.split('.');
  planFault({ fn, n, when });
  let answer = await sys.as(current!.openid).call(current!.name, current!.input as never, requestId);
  const fired = planFault(null);
  expect(fired).toBe(true);
  for (let retry = 0; retry < 3 && !(answer as { ok: boolean }).ok; retry++) {
    answer = await sys.as(current!.openid).call(current!.name, current!.input as never, requestId);
  }
  return { answer, requestId };
};

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_, s) => {
  test('when any one of its round trips fails, before or after it applied, then a retry ends as a clean call does', async () => {
    const reference = await effects(clean, s);
    expect(reference.state.answer).toMatchObject({ ok: true });
    let cases = 0;
    for (let n = 1; n <= reference.roundTrips; n++) {
      for (const when of ['before', 'after'] as const) {
        const got = await effects(faulted(n, when), s);
        expect({ n, when, ...got.state }).toEqual({ n, when, ...reference.state });
        cases++;
      }
    }
    console.log(`${s.name}: ${reference.roundTrips} round trips, ${cases} faulted calls converged`);
  }, 120_000);
});
