/**
 * Fan-out under failure, with nothing switched on in product code: the platform killing workers
 * mid-batch (the notice function deployed with a 1 s timeout while its queue items budget 40 s),
 * workers stopping on their time budget and handing batches on, and concurrent workers stealing
 * batches whose (deliberately short) leases ran out. Afterwards every recipient has exactly one
 * inbox item per round and at most one push.
 */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator';
import { sdkEnvironment } from '../../emulator/sdkEnv';
import { COLLECTIONS } from '../../cloudfunctions/shared/collections';
import { seed } from '../../scripts/seed';
import { unitPath } from '../../scripts/seed/people';
import { DIST, ROOT } from '../../scripts/paths';
import { WHO, newRequestId, type System } from './system';
import { all, deliverAll, drainQueue } from './notice-helpers';

const N = 1500;
const SECTOR = 'sec-fanout';
let sys: System;
let functionsDir: string;
let noticeId = '';
const openids = Array.from({ length: N }, (_, i) => `o_fan_${String(i).padStart(4, '0')}`);

/** Deploys the notice function with another timeout (and makes the emulator pick it up). */
function setTimeoutSeconds(s: number) {
  const dir = join(functionsDir, 'notice');
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, timeout: s }));
  const t = new Date();
  utimesSync(join(dir, 'index.js'), t, t);
}

beforeAll(async () => {
  functionsDir = mkdtempSync(join(tmpdir(), 'lxq-fn-'));
  cpSync(join(DIST, 'cloudfunctions'), functionsDir, { recursive: true });
  // Deployed functions find wx-server-sdk in their own node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'));
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-fan-'));
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    functionsDir,
    collections: COLLECTIONS,
    strictIndexes: true,
    timers: false,
  });
  Object.assign(process.env, sdkEnvironment(emulator.adminUrl));
  await seed(dataDir);
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database();
  sys = {
    emulator,
    db,
    as: () => {
      throw new Error('not used');
    },
    stop: () => emulator.stop(),
  };
  await db.collection('sectors').add({ data: { _id: SECTOR, unitId: 'u-huining', name: '扇出测试界', order: 99 } });
  const users = openids.map((openid, i) => ({
    _id: `user-fan-${i}`,
    openid,
    name: `扇出${String(i).padStart(4, '0')}`,
    roles: ['member'],
    unitId: 'u-huining',
    unitPath: unitPath('u-huining'),
    sectorId: SECTOR,
    workstationIds: [],
    createdAt: new Date(),
  }));
  for (let i = 0; i < users.length; i += 100) await db.collection('users').add({ data: users.slice(i, i + 100) });
  // Every third person allowed three pushes: a second push to anyone would show in the outbox.
  for (let i = 0; i < N; i += 3) {
    for (let k = 0; k < 3; k++) {
      await fetch(`${emulator.url}/__cloud/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: openids[i], templateIds: ['TPL_NOTICE'], result: 'accept' }),
      });
    }
  }
}, 120_000);
afterAll(() => sys.stop());

async function inboxOf(round: number) {
  const items = [];
  for (let i = 0; i < N; i += 100) {
    const { data } = await sys.db
      .collection('inbox')
      .where({ openid: sys.db.command.in(openids.slice(i, i + 100)) })
      .limit(1000)
      .get();
    items.push(...data.filter((d: { refId: string; _id: string }) => d.refId === noticeId));
  }
  const mark = round === 0 ? (id: string) => !id.includes(':r') : (id: string) => id.includes(`:r${round}:`);
  return items.filter((i: { _id: string }) => mark(i._id)) as { _id: string; openid: string }[];
}

function pushesPerPerson(since: number) {
  const per = new Map<string, number>();
  for (const o of sys.emulator.outbox().slice(since)) {
    if (o.page?.includes(noticeId)) per.set(o.touser, (per.get(o.touser) ?? 0) + 1);
  }
  return per;
}

function expectExactlyOnce(items: { openid: string }[]) {
  const per = new Map<string, number>();
  for (const i of items) per.set(i.openid, (per.get(i.openid) ?? 0) + 1);
  expect(per.size).toBe(N);
  expect([...per.values()].every((n) => n === 1)).toBe(true);
}

test('when the platform kills the workers in the middle of their batches, then a re-run reaches everyone exactly once', async () => {
  const res = (await sys.emulator.callFunction(
    'notice',
    {
      action: 'send',
      input: {
        title: '扇出测试通知',
        body: '请查收。',
        sendAt: new Date(Date.now() + 3_600_000).toISOString(),
        targets: { sectorIds: [SECTOR], committeeIds: [], workstationIds: [], roles: [], userIds: [] },
      },
      requestId: newRequestId(),
    },
    WHO.huiningStaff,
  )) as { ok: boolean; data: { _id: string; recipientCount: number } };
  expect(res.ok).toBe(true);
  noticeId = res.data._id;
  expect(res.data.recipientCount).toBe(N);

  // Due now, and the platform (a test copy of the deployment) stops every run after 2 s.
  setTimeoutSeconds(2);
  await sys.db
    .collection('notices')
    .doc(noticeId)
    .update({ data: { sendAt: new Date(Date.now() - 1000) } });
  await sys.emulator.fireTimer('notice', 'deliver');
  await new Promise((r) => setTimeout(r, 3000)); // the workers it kicked die too
  const partial = await inboxOf(0);
  const open = await all(sys, 'notice_queue', { noticeId, status: 'open' });
  const { data } = await sys.db.collection('notices').where({ _id: noticeId }).limit(1).get();
  console.log(`被终止后：已送达 ${partial.length}/${N}，未完成批次 ${open.length}，通知状态 ${data[0].status}`);
  expect(partial.length).toBeLessThan(N);

  // Leases (70 s) would run out on their own; the test fast-forwards that instead of waiting.
  const past = new Date(Date.now() - 1);
  await sys.db
    .collection('notices')
    .doc(noticeId)
    .update({ data: { leaseUntil: past } });
  for (const b of open) {
    await sys.db
      .collection('notice_queue')
      .doc(b._id)
      .update({ data: { leaseUntil: past } });
  }
  setTimeoutSeconds(60);
  await deliverAll(sys, noticeId);

  expectExactlyOnce(await inboxOf(0));
  const pushes = pushesPerPerson(0);
  expect([...pushes.values()].every((n) => n === 1)).toBe(true);
  expect(pushes.size).toBeGreaterThan(0);
  const recipients = await all(sys, 'notice_recipients', { noticeId });
  expect(recipients).toHaveLength(N);
  expect(recipients.every((r) => r.deliveredAt)).toBe(true);
}, 180_000);

/** A test copy of the notice's batches as a new round, with its own lease and budget. */
async function copyBatches(round: number, leaseMs: number, budgetMs: number) {
  const batches = await all(sys, 'notice_queue', { noticeId, status: 'done' });
  const copies = batches
    .filter((b) => b._id.includes(':r0:'))
    .map((b) => ({
      ...b,
      _id: b._id.replace(':r0:', `:r${round}:`),
      round,
      cursor: 0,
      status: 'open',
      leaseUntil: new Date(0),
      leaseMs,
      budgetMs,
      attempts: 0,
      doneAt: null,
    }));
  for (const c of copies) await sys.db.collection('notice_queue').add({ data: c });
  return copies.length;
}

test('when workers run out of time budget, then they hand the rest of a batch on and nobody is told twice', async () => {
  const batches = await copyBatches(8, 70_000, 1);
  await drainQueue(sys, noticeId);
  expectExactlyOnce(await inboxOf(8));
  const attempts = (await all(sys, 'notice_queue', { noticeId, status: 'done' }))
    .filter((b) => b._id.includes(':r8:'))
    .reduce((a, b) => a + b.attempts, 0);
  // A 1 ms budget lets a claim do one chunk of 10: each batch of 100 was taken about 10 times.
  expect(attempts).toBeGreaterThanOrEqual(batches * 5);
}, 180_000);

test('when leases run out while workers are still busy, then concurrent workers share batches and still tell everyone once', async () => {
  const since = sys.emulator.outbox().length;
  await copyBatches(9, 30, 60_000);
  await Promise.all([1, 2, 3, 4].map(() => sys.emulator.fireTimer('notice', 'deliver')));
  await drainQueue(sys, noticeId);
  expectExactlyOnce(await inboxOf(9));
  const pushes = pushesPerPerson(since);
  expect([...pushes.values()].every((n) => n === 1)).toBe(true);
  const stolen = (await all(sys, 'notice_queue', { noticeId, status: 'done' })).filter(
    (b) => b._id.includes(':r9:') && b.attempts > 1,
  );
  expect(stolen.length).toBeGreaterThan(0);
}, 180_000);
