/**
 * Strict mode and sorts: a query whose sort no declared index covers fails as one whose filter no
 * index serves, in a plain get, an aggregate and on the foreign side of a $lookup — driven through
 * the real wx-server-sdk against the emulated database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database, type CollectionDecl } from '../../emulator/db';
import { startDbTestServer, type DbTestServer } from '../../emulator/db/testServer';

/* eslint-disable @typescript-eslint/no-explicit-any */
const closed = { read: false, write: false };
const DECLS: CollectionDecl[] = [
  {
    name: 'concerns',
    description: 'test',
    indexes: [
      {
        name: 'unit_status_created',
        fields: [
          ['unitId', 1],
          ['status', 1],
          ['createdAt', -1],
        ],
      },
      { name: 'assignee', fields: [['assigneeId', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'members',
    description: 'test',
    indexes: [{ name: 'unit', fields: [['unitId', 1]] }],
    rule: closed,
    retention: null,
  },
  {
    name: 'notes',
    description: 'test: nothing indexes memberId',
    indexes: [{ name: 'kind', fields: [['kind', 1]] }],
    rule: closed,
    retention: null,
  },
];

let dir: string;
let database: Database;
let server: DbTestServer;
let db: any;
let $: any;

async function message(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return String((e as { errMsg?: string }).errMsg ?? e);
  }
  return 'no error';
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-sort-'));
  database = new Database({ dir, collections: DECLS, strictIndexes: true });
  server = await startDbTestServer(database);
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: server.url });
  process.env.TENCENTCLOUD_SECRETID = 'dummy-id';
  process.env.TENCENTCLOUD_SECRETKEY = 'dummy-key';
  process.env.SILENCE = 'true';
  process.env.TENCENTCLOUD = 'true';
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  db = cloud.database();
  $ = db.command.aggregate;
  const day = (d: number) => new Date(Date.UTC(2026, 0, d));
  await db.collection('concerns').add({
    data: [
      { _id: 'c1', unitId: 'u1', status: 'submitted', createdAt: day(1), assigneeId: 'm1', title: 'b' },
      { _id: 'c2', unitId: 'u1', status: 'submitted', createdAt: day(3), assigneeId: 'm2', title: 'a' },
      { _id: 'c3', unitId: 'u1', status: 'closed', createdAt: day(2), assigneeId: 'm1', title: 'c' },
    ],
  });
  await db.collection('members').add({
    data: [
      { _id: 'm1', unitId: 'u1', name: '甲' },
      { _id: 'm2', unitId: 'u1', name: '乙' },
    ],
  });
});

afterAll(async () => {
  await server.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

test('when a get sorts in an index order after its equality prefix, then it answers in that order', async () => {
  const r = await db
    .collection('concerns')
    .where({ unitId: 'u1', status: 'submitted' })
    .orderBy('createdAt', 'desc')
    .get();
  expect(r.data.map((d: any) => d._id)).toEqual(['c2', 'c1']);
});

test('when a get sorts by a field no index orders, then strict mode fails it naming the sort', async () => {
  const msg = await message(
    db.collection('concerns').where({ unitId: 'u1', status: 'submitted' }).orderBy('title', 'asc').get(),
  );
  expect(msg).toContain('no index serves');
  expect(msg).toContain('"orderBy":[["title",1]]');
  // skipping the status in the prefix leaves createdAt unordered across statuses
  expect(await message(db.collection('concerns').where({ unitId: 'u1' }).orderBy('createdAt', 'desc').get())).toContain(
    'no index serves',
  );
});

test('when an aggregate sorts right after its $match in an index order, then it runs; by another field it fails', async () => {
  const ok = await db
    .collection('concerns')
    .aggregate()
    .match({ unitId: 'u1', status: 'submitted' })
    .sort({ createdAt: -1 })
    .end();
  expect(ok.list.map((d: any) => d._id)).toEqual(['c2', 'c1']);
  const msg = await message(
    db.collection('concerns').aggregate().match({ unitId: 'u1', status: 'submitted' }).sort({ title: 1 }).end(),
  );
  expect(msg).toContain('no index serves');
  expect(msg).toContain('aggregate $match + $sort');
});

test('when an aggregate sorts the matched documents after another stage, then strict mode fails it as a sort in memory', async () => {
  const msg = await message(
    db
      .collection('concerns')
      .aggregate()
      .match({ unitId: 'u1', status: 'submitted' })
      .lookup({ from: 'members', localField: 'assigneeId', foreignField: '_id', as: 'who' })
      .sort({ createdAt: -1 })
      .end(),
  );
  expect(msg).toContain('no index serves');
  expect(msg).toContain('after $lookup sorts the matched documents in memory');
  // nothing is stored or changed by a refused read
  expect((await db.collection('concerns').where({ unitId: 'u1', status: 'submitted' }).count()).total).toBe(2);
});

test('when an aggregate sorts rows it grouped, then it runs: few rows, not the matched documents', async () => {
  const r = await db
    .collection('concerns')
    .aggregate()
    .match({ unitId: 'u1', status: 'submitted' })
    .group({ _id: '$assigneeId', n: $.sum(1) })
    .sort({ _id: -1 })
    .end();
  expect(r.list).toEqual([
    { _id: 'm2', n: 1 },
    { _id: 'm1', n: 1 },
  ]);
});

test('when a $lookup joins on an indexed foreign field, then it runs; on an unindexed one it fails, even with nothing to join', async () => {
  const ok = await db
    .collection('members')
    .aggregate()
    .match({ unitId: 'u1' })
    .lookup({ from: 'concerns', localField: '_id', foreignField: 'assigneeId', as: 'assigned' })
    .end();
  expect(
    ok.list
      .find((m: any) => m._id === 'm1')
      .assigned.map((c: any) => c._id)
      .sort(),
  ).toEqual(['c1', 'c3']);
  const lookupNotes = (unitId: string) =>
    db
      .collection('members')
      .aggregate()
      .match({ unitId })
      .lookup({ from: 'notes', localField: '_id', foreignField: 'memberId', as: 'notes' })
      .end();
  expect(await message(lookupNotes('u1'))).toContain('aggregate $lookup from notes');
  // no member in u9: the query's shape is checked all the same, as production would plan it
  expect(await message(lookupNotes('u9'))).toContain('no index serves');
});
