/**
 * Failures that converge (issue 18): a mutation whose Nth database round trip fails, before the
 * database sees it or after it applied (the function dies not knowing), or whose worker is killed
 * right after it (the caller's callFunction rejects with -504002), is retried with the same
 * requestId until it answers; the final state must equal a clean call's: the same records, the
 * counters moved once, notifications once, one audit entry, and the answer the first call would
 * have given. Every N up to the clean call’s round trips, all three ways, for each mutation below.
 */
import type { ActionInput, ActionName } from '@lxq/types';
import { planFault } from '../../emulator/db/faults';
import { DECLARED } from './declared';
import { arrangeShift, chinaDate } from './shifts';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
  logOldDocs();
}, 60_000);
afterAll(() => sys.stop());

const MEMBER = WHO.member;
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
  scenario({ name: 'liaison.log', arrange: async () => ({ openid: MEMBER, input: liaisonRecord() }) }),
  scenario({
    name: 'liaison.log',
    arrange: async () => ({ openid: MEMBER, input: { ...liaisonRecord(), concerns: [raised] } }),
  }),
  scenario({
    name: 'duty.signIn',
    arrange: async (c) => ({ openid: await shiftNow(c, false), input: { shiftId: `fault-${c}`, location: HUISHI } }),
  }),
  scenario({
    name: 'duty.recordReception',
    arrange: async (c) => ({
      openid: await shiftNow(c, true),
      input: { shiftId: `fault-${c}`, people: 1, topic: '反映村道问题', consent: true, concern: raised },
    }),
  }),
  scenario({
    name: 'account.bindInvitation',
    arrange: async (c) => {
      const inv = await sys
        .as(inviter())
        .ok('account.createInvitation', { name: '故障委员', role: 'member', unitId: 'u-huining' });
      return { openid: c, input: { code: inv.code } };
    },
  }),
  scenario({
    name: 'concern.reject',
    arrange: async (c) => {
      const id = await concernIn('submitted', c);
      return { openid: WHO.cityStaff, input: { id, reason: '不属于政协受理范围' } };
    },
  }),
  scenario({
    name: 'concern.addNote',
    arrange: async (c) => {
      const id = await concernIn('accepted', c);
      return { openid: WHO.cityStaff, input: { id, text: '已电话联系群众核实情况' } };
    },
  }),
  scenario({
    name: 'concern.close',
    arrange: async (c) => {
      const id = await concernIn('replied', c);
      return { openid: WHO.cityStaff, input: { id, note: '群众未评价，按期办结' } };
    },
  }),
  scenario({
    name: 'duty.signOut',
    arrange: async (c) => ({ openid: await shiftNow(c, true), input: { shiftId: `fault-${c}`, location: HUISHI } }),
  }),
  scenario({
    name: 'account.readInbox',
    arrange: async (c) => {
      await sys.db.collection('inbox').add({
        data: {
          _id: `inbox-${c}`,
          openid: c,
          kind: 'concern',
          title: '有新进展',
          body: '请查看',
          page: 'pages/concern/mine',
          refId: null,
          createdAt: new Date(),
          readAt: null,
          push: 'skipped',
        },
      });
      return { openid: c, input: { id: `inbox-${c}` } };
    },
  }),
  scenario({
    name: 'account.recordSubscriptions',
    arrange: async (c) => ({ openid: c, input: { answers: [{ template: 'concernStatus', answer: 'accept' }] } }),
  }),
  scenario({
    name: 'concern.withdraw',
    arrange: async (c) => ({ openid: c, input: { id: await concernIn('submitted', c) } }),
  }),
  scenario({
    name: 'concern.removePhone',
    arrange: async (c) => {
      const { _id } = await sys.as(c).ok('concern.submit', { ...form, phone: '13909430001' });
      return { openid: c, input: { id: _id } };
    },
  }),
  scenario({
    name: 'concern.markDuplicate',
    arrange: async (c) => {
      const originalId = await concernIn('accepted', c);
      return { openid: WHO.cityStaff, input: { id: await concernIn('submitted', c), originalId } };
    },
  }),
  // One phone for every run: each run's erase finds only its own citizen's data (earlier runs' is gone).
  scenario({
    name: 'concern.subjectErase',
    arrange: async (c) => {
      await sys.as(c).ok('concern.submit', { ...form, phone: '13909430002' });
      return { openid: WHO.huiningStaff, input: { phone: '13909430002' } };
    },
  }),
  scenario({
    name: 'liaison.saveContact',
    arrange: async (c) => ({ openid: await newMember(c), input: { name: '王秀兰', phone: '13809430003' } }),
  }),
  scenario({
    name: 'liaison.savePairing',
    arrange: async (c) => ({
      openid: await newMember(c),
      input: { name: '李家', kind: 'family', since: '2026-01-01' },
    }),
  }),
];

/**
 * Mutations without a scenario yet, each with why: the test below fails when a mutation is in
 * neither list, so a new action must be given a scenario (or a reason) when it is added.
 */
const NOT_YET: Record<string, string> = {
  // Found by this suite, to fix in their actions (each fails as described when given a scenario):
  'concern.link':
    'FAILS: a retry after the link was stored audits nothing (target "", after null): link.ts returns before ctx.audit',
  'liaison.saveBase': 'FAILS: a retry after the save audits `before` as the saved base instead of null',
  'duty.requestLeave':
    'FAILS: a retry after the leave request was stored answers INVALID_STATE 该班次已有待处理的申请 instead of its first answer',
  'notice.send':
    'its delivery is kicked after the call, so which run sees the inbox items and receipts depends on timing',
  'account.createInvitation': 'its answer carries a random code; durable limit of 30 an hour per staff member',
  'account.endSession': 'needs a signed-in PC session per run',
  'account.webLoginConfirm': 'needs a PC showing a code per run',
  'account.webLoginRefuse': 'needs a PC showing a code per run',
  'account.webLoginStart': 'its answer carries a random QR image',
  'concern.saveSettings': 'one document per unit: runs would undo each other',
  'concern.subjectExport': 'its answer names a time-stamped file',
  'duty.answerSwap': 'needs a swap request between two members per run',
  'duty.cancelShift': 'needs a fresh shift per run (not written yet)',
  'duty.createShift': 'needs a free slot per run (not written yet)',
  'duty.decideLeave': 'needs a leave request per run (not written yet)',
  'duty.planRotation': 'writes a whole roster: too large for each N',
  'duty.updateShift': 'needs a fresh shift per run (not written yet)',
  'liaison.gridAdd': 'needs a leader and a group per run',
  'liaison.gridRemove': 'needs a grid entry per run',
  'liaison.remind': 'one reminder per member per day',
  'liaison.removeContact': 'needs a contact per run (not written yet)',
  'liaison.removePairing': 'needs a pairing per run (not written yet)',
  'liaison.saveQuota': 'one document per unit: runs would undo each other',
  'notice.cancel': 'needs a scheduled notice per run (not written yet)',
  'notice.remind': 'needs a delivered notice per run',
  'notice.reply': 'needs a delivered meeting notice per run',
  'org.createWorkstation': 'its answer carries a random QR scene',
  'org.saveCalendarYear': 'one document per year: runs would undo each other',
  'org.updateWorkstation': 'one station: runs would undo each other',
  // The domains of this wave, each still to get its scenarios (their own tests retry them once):
  'admin.createUnit': 'admin console (issue 17): scenario not written yet',
  'admin.renameUnit': 'admin console (issue 17): scenario not written yet',
  'admin.moveUnit': 'admin console (issue 17): scenario not written yet',
  'admin.retireUnit': 'admin console (issue 17): scenario not written yet',
  'admin.saveSector': 'admin console (issue 17): scenario not written yet',
  'admin.saveCommittee': 'admin console (issue 17): scenario not written yet',
  'admin.linkWorkstation': 'admin console (issue 17): scenario not written yet',
  'admin.saveUnitLists': 'admin console (issue 17): scenario not written yet',
  'admin.updateAccount': 'admin console (issue 17): scenario not written yet',
  'admin.revokeAccount': 'admin console (issue 17): scenario not written yet',
  'admin.resendInvitation': 'admin console (issue 17): scenario not written yet',
  'admin.endTerm': 'admin console (issue 17): scenario not written yet',
  'admin.importCommit': 'admin console (issue 17): scenario not written yet',
  'assessment.saveSettings': 'quarter settings and freezes (issue 16): scenario not written yet',
  'assessment.freeze': 'quarter settings and freezes (issue 16): scenario not written yet',
  'assessment.reopen': 'quarter settings and freezes (issue 16): scenario not written yet',
  'exportJob.start': 'chains its own runs (issue 16): scenario not written yet',
  'proposal.createSession': '提案 (issue 15): scenario not written yet',
  'proposal.create': '提案 (issue 15): scenario not written yet',
  'proposal.update': '提案 (issue 15): scenario not written yet',
  'proposal.setCosigners': '提案 (issue 15): scenario not written yet',
  'proposal.link': '提案 (issue 15): scenario not written yet',
  'proposal.cosign': '提案 (issue 15): scenario not written yet',
  'proposal.submit': '提案 (issue 15): scenario not written yet',
  'proposal.preReview': '提案 (issue 15): scenario not written yet',
  'proposal.review': '提案 (issue 15): scenario not written yet',
  'proposal.setKey': '提案 (issue 15): scenario not written yet',
  'proposal.assign': '提案 (issue 15): scenario not written yet',
  'proposal.decideExtension': '提案 (issue 15): scenario not written yet',
  'proposal.rate': '提案 (issue 15): scenario not written yet',
  'proposal.saveHandlingUnit': '提案 (issue 15): scenario not written yet',
  'proposal.acknowledge': '提案 (issue 15): scenario not written yet',
  'proposal.return': '提案 (issue 15): scenario not written yet',
  'proposal.requestExtension': '提案 (issue 15): scenario not written yet',
  'proposal.answer': '提案 (issue 15): scenario not written yet',
  'report.create': '社情民意信息 (issue 15): scenario not written yet',
  'report.save': '社情民意信息 (issue 15): scenario not written yet',
  'report.submit': '社情民意信息 (issue 15): scenario not written yet',
  'report.decide': '社情民意信息 (issue 15): scenario not written yet',
  'report.instruct': '社情民意信息 (issue 15): scenario not written yet',
  'topic.create': 'consultation topics (issue 14): scenario not written yet',
  'topic.raiseFromConcerns': 'consultation topics (issue 14): scenario not written yet',
  'topic.propose': 'consultation topics (issue 14): scenario not written yet',
  'topic.record': 'consultation topics (issue 14): scenario not written yet',
  'topic.advance': 'consultation topics (issue 14): scenario not written yet',
  'topic.back': 'consultation topics (issue 14): scenario not written yet',
  'topic.screen': 'consultation topics (issue 14): scenario not written yet',
  'topic.confirm': 'consultation topics (issue 14): scenario not written yet',
  'topic.suggest': 'consultation topics (issue 14): scenario not written yet',
  'topic.assign': 'consultation topics (issue 14): scenario not written yet',
  'topic.progress': 'consultation topics (issue 14): scenario not written yet',
  'topic.result': 'consultation topics (issue 14): scenario not written yet',
  'topic.saveScreeningLists': 'consultation topics (issue 14): scenario not written yet',
  'topic.dismissCluster': 'consultation topics (issue 14): scenario not written yet',
  'topic.openCall': 'consultation topics (issue 14): scenario not written yet',
  'topic.proposeToCall': 'consultation topics (issue 14): scenario not written yet',
  'topic.backProposal': 'consultation topics (issue 14): scenario not written yet',
};

/**
 * Who issues the runs' invitations, in turn: invitations are limited to 30 an hour per person, and
 * the runs need more than that.
 */
const INVITERS = [WHO.admin, WHO.cityStaff, WHO.huiningStaff];
let invitations = 0;
const inviter = () => INVITERS[invitations++ % INVITERS.length];

/** A new member of 会宁 bound from an invitation: liaison edits need their own profile per run. */
async function newMember(openid: string) {
  const inv = await sys
    .as(inviter())
    .ok('account.createInvitation', { name: '故障委员', role: 'member', unitId: 'u-huining' });
  await sys.as(openid).ok('account.bindInvitation', { code: inv.code });
  return openid;
}

const HUISHI = { lat: 35.6927, lng: 105.0536 };
const raised = {
  category: '民生',
  title: '村道坑洼需要修补',
  text: '村里通往镇上的道路坑洼很多，雨天积水严重。',
} as const;
const liaisonRecord = () =>
  ({
    date: chinaDate(new Date()),
    time: '00:00',
    channel: 'face',
    place: '会师镇西关社区',
    personTimes: 12,
    summary: '走访社区了解老年人助餐需求',
  }) as const;

/** A shift at 会师镇 running now with `citizen` as its one member (signed in when asked). */
async function shiftNow(citizen: string, signedIn: boolean) {
  const now = Date.now();
  await arrangeShift(
    sys,
    {
      id: 'ws-huishi',
      name: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      location: HUISHI,
    },
    { id: `fault-${citizen}`, start: new Date(now - 10 * 60_000), end: new Date(now + 2 * 3_600_000) },
    [{ userId: `user-${citizen}`, openid: citizen }],
  );
  if (signedIn) await sys.as(citizen).ok('duty.signIn', { shiftId: `fault-${citizen}`, location: HUISHI });
  return citizen;
}

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

test('when a function declares a mutation, then the fault suite runs it or says why not yet', () => {
  const mutations = [...DECLARED.values()].filter((d) => d.mutates).map((d) => d.name as string);
  const covered = new Set<string>(SCENARIOS.map((s) => s.name));
  const missing = mutations.filter((m) => !covered.has(m) && !(m in NOT_YET));
  expect(missing).toEqual([]);
  expect(Object.keys(NOT_YET).filter((m) => covered.has(m) || !mutations.includes(m))).toEqual([]);
  console.log(
    `fault suite: ${covered.size} of ${mutations.length} mutations run (${Object.keys(NOT_YET).length} not yet)`,
  );
});

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_, s) => {
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
