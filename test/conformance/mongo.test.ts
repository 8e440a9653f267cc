/**
 * Where the engine under the emulator (mingo) differs from MongoDB, which CloudBase follows, the
 * emulator corrects it (emulator/db/mongo.ts); each test here drives the correction through the
 * real wx-server-sdk. Also: strict mode checks sorts and $lookup foreign sides like filters.
 */
import type { CollectionDecl } from '../../emulator/db';
import { type SdkDb, rejection, startSdkDb } from './fixtures/sdkDb';

/* eslint-disable @typescript-eslint/no-explicit-any */
const closed = { read: false, write: false };
const DECLS: CollectionDecl[] = [
  {
    name: 'tasks',
    description: 'test',
    indexes: [
      {
        name: 'unit_created',
        fields: [
          ['unitId', 1],
          ['createdAt', -1],
        ],
      },
      { name: 'owner', fields: [['ownerId', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'owners',
    description: 'test',
    indexes: [{ name: 'code', fields: [['code', 1]] }],
    rule: closed,
    retention: null,
  },
];

let h: SdkDb;
let db: any;
let _: any;
let $: any;

beforeAll(async () => {
  h = await startSdkDb(DECLS, ['loose']);
  db = h.db;
  _ = db.command;
  $ = db.command.aggregate;
  await db.collection('loose').add({
    data: [
      { _id: 'nums', tags: [1, 2, 3] },
      { _id: 'strs', tags: ['a', 'b'] },
      { _id: 'mixed', tags: [5, 'x'] },
      { _id: 'docNoValue', tags: [{ other: 1 }] },
      { _id: 'docOdd', tags: [{ value: 3 }] },
      { _id: 'docEven', tags: [{ value: 4 }] },
      { _id: 'empty', tags: [] },
    ],
  });
  await db.collection('tasks').add({
    data: [
      { _id: 't1', unitId: 'u1', createdAt: 1, ownerId: 'o1', title: 'b' },
      { _id: 't2', unitId: 'u1', createdAt: 2, ownerId: 'o2', title: 'a' },
    ],
  });
  await db.collection('owners').add({ data: [{ _id: 'o1', code: 'A' }] });
});

afterAll(async () => {
  await h?.close();
});

const ids = (r: { data: { _id: string }[] }) => r.data.map((d) => d._id).sort();

test('when $elemMatch has a sub-field condition, then only embedded documents match (not numbers or strings)', async () => {
  const loose = db.collection('loose');
  expect(ids(await loose.where({ tags: _.elemMatch({ value: _.exists(false) }) }).get())).toEqual(['docNoValue']);
  expect(ids(await loose.where({ tags: _.elemMatch({ value: _.mod([2, 1]) }) }).get())).toEqual(['docOdd']);
  expect(ids(await loose.where({ tags: _.elemMatch({ value: _.gt(0) }) }).get())).toEqual(['docEven', 'docOdd']);
  // an operator condition on the elements themselves still matches plain values
  expect(ids(await loose.where({ tags: _.elemMatch(_.gt(2)) }).get())).toEqual(['mixed', 'nums']);
});

test('when $week is asked, then weeks count from the first Sunday of the year, as MongoDB', async () => {
  const { list } = await db
    .collection('loose')
    .aggregate()
    .match({ _id: 'nums' })
    .project({
      may14: $.week(new Date('2019-05-14T04:00:00Z')),
      jan1: $.week(new Date('2019-01-01T04:00:00Z')),
      firstSunday: $.week(new Date('2019-01-06T04:00:00Z')),
    })
    .end();
  expect(list[0]).toMatchObject({ may14: 19, jan1: 0, firstSunday: 1 });
});

test('when $substr or $substrBytes get a negative length, then they return the rest of the string', async () => {
  const { list } = await db
    .collection('loose')
    .aggregate()
    .match({ _id: 'nums' })
    .project({ a: $.substr(['连心桥', 3, -1]), b: $.substrBytes(['hello', 1, -1]) })
    .end();
  expect(list[0]).toMatchObject({ a: '心桥', b: 'ello' });
});

test('when $indexOfCP is asked, then it answers the code-point index (-1 when absent)', async () => {
  const { list } = await db
    .collection('loose')
    .aggregate()
    .match({ _id: 'nums' })
    .project({
      at: $.indexOfCP(['连心桥连心', '心']),
      from: $.indexOfCP(['连心桥连心', '心', 2]),
      none: $.indexOfCP(['abc', 'z']),
    })
    .end();
  expect(list[0]).toMatchObject({ at: 1, from: 4, none: -1 });
});

test('when a query uses $jsonSchema, then it is refused with the invalid-operator error', async () => {
  const e = await rejection(
    db
      .collection('loose')
      .where({ $jsonSchema: { required: ['tags'] } })
      .get(),
  );
  expect(e.errCode).toBe(-502002);
  expect(e.errMsg).toContain('$jsonSchema');
});

test('when a sort is not the order of an index the filter uses, then strict mode refuses it', async () => {
  const tasks = db.collection('tasks');
  expect((await tasks.where({ unitId: 'u1' }).orderBy('createdAt', 'desc').get()).data.map((d: any) => d._id)).toEqual([
    't2',
    't1',
  ]);
  const e = await rejection(tasks.where({ unitId: 'u1' }).orderBy('title', 'asc').get());
  expect(e.errMsg).toContain('no index serves this query on collection "tasks"');
  expect(e.errMsg).toContain('title');
  // the same for an aggregate's $sort right after its $match
  await rejection(tasks.aggregate().match({ ownerId: 'o1' }).sort({ title: 1 }).end());
});

test('when a $lookup joins on a foreign field no index serves, then strict mode refuses it', async () => {
  const ok = await db
    .collection('tasks')
    .aggregate()
    .match({ unitId: 'u1' })
    .lookup({ from: 'owners', localField: 'ownerId', foreignField: '_id', as: 'owner' })
    .end();
  expect(ok.list.map((t: any) => t.owner.length)).toEqual([1, 0]);
  const e = await rejection(
    db
      .collection('tasks')
      .aggregate()
      .match({ unitId: 'u1' })
      .lookup({ from: 'owners', localField: 'title', foreignField: 'name', as: 'owner' })
      .end(),
  );
  expect(e.errMsg).toContain('collection "owners"');
});
