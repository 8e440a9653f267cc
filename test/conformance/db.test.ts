/**
 * Conformance of the emulated database, driven through the real, unmodified wx-server-sdk over HTTP.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database, type CollectionDecl } from '../../emulator/db';
import { startDbTestServer, type DbTestServer } from '../../emulator/db/testServer';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyDb = any;

const closed = { read: false, write: false };
const DECLS: CollectionDecl[] = [
  {
    name: 'concerns',
    description: 'test',
    indexes: [
      {
        name: 'submitter',
        fields: [
          ['submitterOpenid', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_path_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_path_status',
        fields: [
          ['unitPath', 1],
          ['status', 1],
          ['createdAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'workstations',
    description: 'test',
    indexes: [
      {
        name: 'unit_path',
        fields: [
          ['unitPath', 1],
          ['name', 1],
        ],
      },
      { name: 'scene', fields: [['scene', 1]], unique: true },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'org_units',
    description: 'test',
    indexes: [{ name: 'parent', fields: [['parentId', 1]] }],
    rule: closed,
    retention: null,
  },
];

let dir: string;
let database: Database;
let server: DbTestServer;
let cloud: AnyDb;
let db: AnyDb;
let _: AnyDb;
let $: AnyDb;

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-db-'));
  database = new Database({ dir, collections: DECLS, strictIndexes: true });
  server = await startDbTestServer(database);
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: server.url });
  process.env.TENCENTCLOUD_SECRETID = 'dummy-id';
  process.env.TENCENTCLOUD_SECRETKEY = 'dummy-key';
  process.env.SILENCE = 'true';
  // skip the SDK's per-request probe of the Tencent Cloud metadata server
  process.env.TENCENTCLOUD = 'true';
  cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  db = cloud.database();
  _ = db.command;
  $ = db.command.aggregate;
  for (const name of ['items', 'people', 'units', 'counters', 'big', 'aggs']) await db.createCollection(name);
});

afterAll(async () => {
  await server.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('basic CRUD through wx-server-sdk', () => {
  test('add / doc.get / dates round trip / serverDate', async () => {
    const when = new Date('2024-03-31T15:30:00.000Z');
    const before = Date.now();
    const r = await db.collection('items').add({
      data: {
        _id: 'i1',
        title: 't',
        n: 1,
        f: 1.5,
        when,
        at: db.serverDate(),
        later: db.serverDate({ offset: 60000 }),
        nested: { a: { b: 2 } },
        tags: ['x', 'y'],
        flag: true,
        nil: null,
      },
    });
    expect(r._id).toBe('i1');
    const got = (await db.collection('items').doc('i1').get()).data;
    expect(got.when).toBeInstanceOf(Date);
    expect(got.when.toISOString()).toBe('2024-03-31T15:30:00.000Z');
    expect(got.at).toBeInstanceOf(Date);
    expect(got.at.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(got.at.getTime()).toBeLessThanOrEqual(Date.now() + 5);
    expect(got.later.getTime() - got.at.getTime()).toBeGreaterThanOrEqual(59990);
    expect(got).toMatchObject({
      _id: 'i1',
      title: 't',
      n: 1,
      f: 1.5,
      nested: { a: { b: 2 } },
      tags: ['x', 'y'],
      flag: true,
      nil: null,
    });
  });

  test('add without _id generates one; batch ids', async () => {
    const r = await db.collection('items').add({ data: { title: 'auto', n: 2, tags: ['y'] } });
    expect(typeof r._id).toBe('string');
    expect(r._id.length).toBeGreaterThanOrEqual(20);
    const got = (await db.collection('items').doc(r._id).get()).data;
    expect(got.title).toBe('auto');
  });

  test('duplicate _id is refused with the real error', async () => {
    const e = await rejection(db.collection('items').add({ data: { _id: 'i1', x: 1 } }));
    expect(e.errCode).toBe(-502001);
    expect(String(e.errMsg)).toMatch(/E11000 duplicate key/);
  });

  test('unique index violation is refused', async () => {
    await db.collection('workstations').add({ data: { _id: 'w1', scene: 's1', unitPath: ['u1'], name: 'A' } });
    const e = await rejection(
      db.collection('workstations').add({ data: { _id: 'w2', scene: 's1', unitPath: ['u1'], name: 'B' } }),
    );
    expect(e.errCode).toBe(-502001);
    expect(String(e.errMsg)).toMatch(/duplicate key.*scene/);
    // nothing written
    expect((await db.collection('workstations').where({ _id: 'w2' }).get()).data).toHaveLength(0);
    // updating into a taken key is refused too
    await db.collection('workstations').add({ data: { _id: 'w3', scene: 's3', unitPath: ['u1'], name: 'C' } });
    const e2 = await rejection(
      db
        .collection('workstations')
        .doc('w3')
        .update({ data: { scene: 's1' } }),
    );
    expect(String(e2.errMsg)).toMatch(/duplicate key/);
  });

  test('missing collection rejects with DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    const e = await rejection(db.collection('no_such').where({ a: 1 }).get());
    expect(e.errCode).toBe(-502005);
    expect(String(e.errMsg)).toMatch(/Db or Table not exist/);
    const e2 = await rejection(db.collection('no_such').add({ data: { a: 1 } }));
    expect(e2.errCode).toBe(-502005);
    const raw = await database.handle({ action: 'database.getDocument', collectionName: 'no_such', query: '{}' });
    expect(raw.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  test('doc.get of a missing document', async () => {
    const e = await rejection(db.collection('items').doc('nope').get());
    // wx-server-sdk rejects document.get when the document does not exist
    expect(String(e.errMsg ?? e.message)).toMatch(/nope|not exist|cannot find/i);
  });
});

describe('queries', () => {
  beforeAll(async () => {
    const docs = [];
    for (let i = 0; i < 30; i++) {
      docs.push({
        _id: `p${String(i).padStart(2, '0')}`,
        name: `name${i}`,
        age: i,
        group: i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b' : 'c',
        tags: i % 2 === 0 ? ['even', `t${i}`] : ['odd'],
        profile: { city: i < 10 ? 'Beijing' : 'Shanghai', score: i * 10 },
        born: new Date(Date.UTC(2000, 0, 1 + i)),
        ...(i % 5 === 0 ? { optional: true } : {}),
      });
    }
    await db.collection('people').add({ data: docs });
  });
  const people = () => db.collection('people');
  const ids = (r: { data: { _id: string }[] }) => r.data.map((d) => d._id);

  test('eq / neq / gt / gte / lt / lte', async () => {
    expect(ids(await people().where({ age: 3 }).get())).toEqual(['p03']);
    expect(
      ids(
        await people()
          .where({ age: _.eq(4) })
          .get(),
      ),
    ).toEqual(['p04']);
    expect(
      (
        await people()
          .where({ age: _.neq(4) })
          .get()
      ).data,
    ).toHaveLength(29);
    expect(
      ids(
        await people()
          .where({ age: _.gt(27) })
          .get(),
      ),
    ).toEqual(['p28', 'p29']);
    expect(
      ids(
        await people()
          .where({ age: _.gte(28) })
          .get(),
      ),
    ).toEqual(['p28', 'p29']);
    expect(
      ids(
        await people()
          .where({ age: _.lt(2) })
          .get(),
      ),
    ).toEqual(['p00', 'p01']);
    expect(
      ids(
        await people()
          .where({ age: _.lte(1) })
          .get(),
      ),
    ).toEqual(['p00', 'p01']);
    expect(
      ids(
        await people()
          .where({ age: _.gt(3).and(_.lt(6)) })
          .get(),
      ),
    ).toEqual(['p04', 'p05']);
  });

  test('in / nin / and / or / exists', async () => {
    expect(
      ids(
        await people()
          .where({ age: _.in([1, 2, 99]) })
          .get(),
      ),
    ).toEqual(['p01', 'p02']);
    expect(
      (
        await people()
          .where({ age: _.nin([1, 2]) })
          .get()
      ).data,
    ).toHaveLength(28);
    expect(
      ids(
        await people()
          .where(_.and([{ age: _.gt(20) }, { group: 'a' }]))
          .get(),
      ),
    ).toEqual(['p21', 'p24', 'p27']);
    expect(
      ids(
        await people()
          .where(_.or([{ age: 0 }, { age: 29 }]))
          .get(),
      ),
    ).toEqual(['p00', 'p29']);
    expect(
      ids(
        await people()
          .where({ age: _.or(_.eq(1), _.eq(2)) })
          .get(),
      ),
    ).toEqual(['p01', 'p02']);
    expect(
      (
        await people()
          .where({ optional: _.exists(true) })
          .get()
      ).data,
    ).toHaveLength(6);
    expect(
      (
        await people()
          .where({ optional: _.exists(false) })
          .get()
      ).data,
    ).toHaveLength(24);
  });

  test('regexp via db.RegExp and JS RegExp', async () => {
    expect(
      ids(
        await people()
          .where({ name: db.RegExp({ regexp: '^NAME2', options: 'i' }) })
          .get(),
      ),
    ).toEqual(['p02', 'p20', 'p21', 'p22', 'p23', 'p24', 'p25', 'p26', 'p27', 'p28', 'p29']);
    expect(
      ids(
        await people()
          .where({ name: /^name1$/ })
          .get(),
      ),
    ).toEqual(['p01']);
  });

  test('nested fields and array elements', async () => {
    expect((await people().where({ 'profile.city': 'Beijing' }).get()).data).toHaveLength(10);
    expect(
      (
        await people()
          .where({ profile: { city: 'Beijing' } })
          .get()
      ).data,
    ).toHaveLength(10);
    expect(
      ids(
        await people()
          .where({ 'profile.score': _.gte(280) })
          .get(),
      ),
    ).toEqual(['p28', 'p29']);
    expect(ids(await people().where({ tags: 't4' }).get())).toEqual(['p04']);
    expect((await people().where({ tags: 'odd' }).get()).data).toHaveLength(15);
    expect(
      ids(
        await people()
          .where({ tags: _.all(['even', 't6']) })
          .get(),
      ),
    ).toEqual(['p06']);
    expect(
      ids(
        await people()
          .where({ born: _.lt(new Date(Date.UTC(2000, 0, 3))) })
          .get(),
      ),
    ).toEqual(['p00', 'p01']);
  });

  test('orderBy (multiple), skip, limit, default limit 100, field projection', async () => {
    const r = await people()
      .where({ age: _.lt(9) })
      .orderBy('group', 'asc')
      .orderBy('age', 'desc')
      .skip(1)
      .limit(4)
      .get();
    expect(ids(r)).toEqual(['p03', 'p00', 'p07', 'p04']);
    const p = await people().where({ age: 5 }).field({ name: true, 'profile.city': true }).get();
    expect(p.data[0]).toEqual({ _id: 'p05', name: 'name5', profile: { city: 'Beijing' } });
    const ex = await people().where({ age: 5 }).field({ tags: false, profile: false, born: false }).get();
    expect(Object.keys(ex.data[0]).sort()).toEqual(['_id', 'age', 'group', 'name', 'optional']);
    const dp = await people().doc('p05').field({ name: true }).get();
    expect(dp.data).toEqual({ _id: 'p05', name: 'name5' });
  });

  test('limits: default 100, SDK clamps to 1000, a raw limit over 1000 is refused', async () => {
    const docs = Array.from({ length: 1005 }, (_x, i) => ({ i }));
    for (let k = 0; k < docs.length; k += 500) await db.collection('big').add({ data: docs.slice(k, k + 500) });
    expect((await db.collection('big').get()).data).toHaveLength(100);
    expect((await db.collection('big').limit(1001).get()).data).toHaveLength(1000);
    const raw = await database.handle({
      action: 'database.getDocument',
      collectionName: 'big',
      queryType: 'WHERE',
      query: '{}',
      limit: 1001,
    });
    expect(raw.code).toBe('INVALID_PARAM');
    expect(String(raw.message)).toMatch(/1000/);
  });

  test('count', async () => {
    expect((await people().count()).total).toBe(30);
    expect((await people().where({ group: 'a' }).count()).total).toBe(10);
  });
});

describe('updates', () => {
  beforeEach(async () => {
    await db
      .collection('units')
      .where({ _id: _.exists(true) })
      .remove();
    await db.collection('units').add({
      data: [
        { _id: 'u1', n: 1, m: 2, arr: [3, 1], set: ['a'], nested: { x: 1 }, k: 'g' },
        { _id: 'u2', n: 5, arr: [], k: 'g' },
        { _id: 'u3', n: 9, k: 'h' },
      ],
    });
  });
  const units = () => db.collection('units');
  const get = async (id: string) => (await units().doc(id).get()).data;

  test('set / inc / mul / remove / nested set', async () => {
    const r = await units()
      .doc('u1')
      .update({ data: { n: _.inc(2), m: _.mul(5), k: _.remove(), 'nested.y': 2, nested2: { z: _.set({ q: 1 }) } } });
    expect(r.stats.updated).toBe(1);
    const d = await get('u1');
    expect(d).toMatchObject({ n: 3, m: 10, nested: { x: 1, y: 2 }, nested2: { z: { q: 1 } } });
    expect(d.k).toBeUndefined();
    // merge: plain object keeps siblings
    await units()
      .doc('u1')
      .update({ data: { nested: { w: 0 } } });
    expect((await get('u1')).nested).toEqual({ x: 1, y: 2, w: 0 });
    await units()
      .doc('u1')
      .update({ data: { nested: _.set({ only: 1 }) } });
    expect((await get('u1')).nested).toEqual({ only: 1 });
  });

  test('push with each/position/slice/sort, pull, pullAll, addToSet, pop, shift, unshift', async () => {
    await units()
      .doc('u1')
      .update({ data: { arr: _.push({ each: [5, 0], sort: 1, slice: 3 }) } });
    expect((await get('u1')).arr).toEqual([0, 1, 3]);
    await units()
      .doc('u1')
      .update({ data: { arr: _.push({ each: [9], position: 1 }) } });
    expect((await get('u1')).arr).toEqual([0, 9, 1, 3]);
    await units()
      .doc('u1')
      .update({ data: { arr: _.push(7) } });
    expect((await get('u1')).arr).toEqual([0, 9, 1, 3, 7]);
    await units()
      .doc('u1')
      .update({ data: { arr: _.pull(9) } });
    expect((await get('u1')).arr).toEqual([0, 1, 3, 7]);
    await units()
      .doc('u1')
      .update({ data: { arr: _.pull(_.gt(2)) } });
    expect((await get('u1')).arr).toEqual([0, 1]);
    await units()
      .doc('u1')
      .update({ data: { arr: _.pullAll([0]) } });
    expect((await get('u1')).arr).toEqual([1]);
    await units()
      .doc('u1')
      .update({ data: { set: _.addToSet('a') } });
    await units()
      .doc('u1')
      .update({ data: { set: _.addToSet({ each: ['b', 'c', 'a'] }) } });
    expect((await get('u1')).set).toEqual(['a', 'b', 'c']);
    await units()
      .doc('u1')
      .update({ data: { set: _.pop() } });
    await units()
      .doc('u1')
      .update({ data: { set: _.shift() } });
    await units()
      .doc('u1')
      .update({ data: { set: _.unshift(['z']) } });
    expect((await get('u1')).set).toEqual(['z', 'b']);
  });

  test('doc.set replaces the whole document, upserts when missing', async () => {
    const r = await units()
      .doc('u1')
      .set({ data: { only: 1, when: new Date(0) } });
    expect(r.stats.updated).toBe(1);
    const d = await get('u1');
    expect(d).toEqual({ _id: 'u1', only: 1, when: new Date(0) });
    const r2 = await units()
      .doc('new1')
      .set({ data: { fresh: true } });
    expect(r2._id).toBe('new1');
    expect(r2.stats.updated).toBe(0);
    expect(await get('new1')).toEqual({ _id: 'new1', fresh: true });
  });

  test('_id is immutable', async () => {
    const e = await rejection(
      units()
        .doc('u1')
        .update({ data: { _id: 'x' } }),
    );
    expect(String(e.errMsg ?? e.message)).toMatch(/_id/);
    const raw = await database.handle({
      action: 'database.modifyDocument',
      collectionName: 'units',
      queryType: 'DOC',
      query: '{"_id":"u1"}',
      data: '{"$set":{"_id":"zz"}}',
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(raw.code).toBe('DATABASE_REQUEST_FAILED');
    expect(String(raw.message)).toMatch(/immutable field '_id'/);
  });

  test('where().update / remove report counts; update of a missing doc reports 0', async () => {
    const r = await units()
      .where({ k: 'g' })
      .update({ data: { touched: true } });
    expect(r.stats.updated).toBe(2);
    const same = await units()
      .where({ k: 'g' })
      .update({ data: { touched: true } });
    expect(same.stats.updated).toBe(0);
    const none = await units()
      .doc('zzz')
      .update({ data: { a: 1 } });
    expect(none.stats.updated).toBe(0);
    const rm = await units()
      .where({ n: _.gt(4) })
      .remove();
    expect(rm.stats.removed).toBe(2);
    const rm2 = await units().doc('u1').remove();
    expect(rm2.stats.removed).toBe(1);
    expect((await units().count()).total).toBe(0);
  });

  test('serverDate in updates', async () => {
    const before = Date.now();
    await units()
      .doc('u2')
      .update({ data: { at: db.serverDate() } });
    const d = await get('u2');
    expect(d.at).toBeInstanceOf(Date);
    expect(d.at.getTime()).toBeGreaterThanOrEqual(before - 5);
  });
});

describe('aggregate', () => {
  beforeAll(async () => {
    await db.collection('aggs').add({
      data: [
        { _id: 'a1', unit: 'x', v: 1, at: new Date('2024-03-31T15:30:00Z'), tags: ['p', 'q'] },
        { _id: 'a2', unit: 'x', v: 2, at: new Date('2024-03-31T16:30:00Z'), tags: ['p'] },
        { _id: 'a3', unit: 'y', v: 3, at: new Date('2024-04-02T01:00:00Z'), tags: [] },
      ],
    });
    await db.collection('org_units').add({
      data: [
        { _id: 'x', name: 'X县', parentId: 'root' },
        { _id: 'y', name: 'Y县', parentId: 'root' },
      ],
    });
    const many = Array.from({ length: 30 }, (_x, i) => ({ _id: `m${i}`, unit: 'z', v: i }));
    await db.collection('aggs').add({ data: many });
  });

  test('$match $group $sort $project $count $skip $limit $addFields', async () => {
    const g = await db
      .collection('aggs')
      .aggregate()
      .match({ unit: _.in(['x', 'y']) })
      .group({ _id: '$unit', total: $.sum('$v'), n: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(g.list).toEqual([
      { _id: 'x', total: 3, n: 2 },
      { _id: 'y', total: 3, n: 1 },
    ]);
    const c = await db.collection('aggs').aggregate().match({ unit: 'x' }).count('n').end();
    expect(c.list).toEqual([{ n: 2 }]);
    const p = await db
      .collection('aggs')
      .aggregate()
      .match({ unit: 'x' })
      .sort({ v: -1 })
      .skip(1)
      .limit(1)
      .addFields({ w: $.multiply(['$v', 10]) })
      .project({ _id: 0, v: 1, w: 1 })
      .end();
    expect(p.list).toEqual([{ v: 1, w: 10 }]);
  });

  test('$lookup + $unwind + $group', async () => {
    const r = await db
      .collection('aggs')
      .aggregate()
      .match({ unit: _.in(['x', 'y']) })
      .lookup({ from: 'org_units', localField: 'unit', foreignField: '_id', as: 'u' })
      .unwind('$u')
      .group({ _id: '$u.name', n: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(r.list).toEqual([
      { _id: 'X县', n: 2 },
      { _id: 'Y县', n: 1 },
    ]);
    const u = await db.collection('aggs').aggregate().match({ _id: 'a1' }).unwind('$tags').project({ tags: 1 }).end();
    expect(u.list).toEqual([
      { _id: 'a1', tags: 'p' },
      { _id: 'a1', tags: 'q' },
    ]);
  });

  test('date operators honour timezone (Asia/Shanghai)', async () => {
    const r = await db
      .collection('aggs')
      .aggregate()
      .match({ unit: 'x' })
      .sort({ v: 1 })
      .project({
        utc: $.dateToString({ date: '$at', format: '%Y-%m-%d' }),
        sh: $.dateToString({ date: '$at', format: '%Y-%m-%d %H:%M', timezone: 'Asia/Shanghai' }),
        y: $.year({ date: '$at', timezone: 'Asia/Shanghai' }),
        m: $.month({ date: '$at', timezone: 'Asia/Shanghai' }),
        d: $.dayOfMonth({ date: '$at', timezone: 'Asia/Shanghai' }),
        h: $.hour({ date: '$at', timezone: 'Asia/Shanghai' }),
      })
      .end();
    expect(r.list).toEqual([
      { _id: 'a1', utc: '2024-03-31', sh: '2024-03-31 23:30', y: 2024, m: 3, d: 31, h: 23 },
      { _id: 'a2', utc: '2024-03-31', sh: '2024-04-01 00:30', y: 2024, m: 4, d: 1, h: 0 },
    ]);
    const byDay = await db
      .collection('aggs')
      .aggregate()
      .match({ unit: _.in(['x', 'y']) })
      .group({ _id: $.dateToString({ date: '$at', format: '%Y-%m-%d', timezone: 'Asia/Shanghai' }), n: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(byDay.list).toEqual([
      { _id: '2024-03-31', n: 1 },
      { _id: '2024-04-01', n: 1 },
      { _id: '2024-04-02', n: 1 },
    ]);
  });

  test('aggregate answers 20 documents unless limited', async () => {
    expect((await db.collection('aggs').aggregate().match({ unit: 'z' }).end()).list).toHaveLength(20);
    expect((await db.collection('aggs').aggregate().match({ unit: 'z' }).limit(25).end()).list).toHaveLength(25);
  });

  test('dates come back as Date objects from aggregate', async () => {
    const r = await db.collection('aggs').aggregate().match({ _id: 'a1' }).project({ at: 1 }).end();
    expect(r.list[0].at).toBeInstanceOf(Date);
  });
});

describe('strict indexes', () => {
  test('an unserved query on a declared collection fails naming the collection and query', async () => {
    const e = await rejection(db.collection('concerns').where({ status: 'submitted' }).get());
    expect(String(e.errMsg)).toContain('no index serves');
    expect(String(e.errMsg)).toContain('concerns');
    expect(String(e.errMsg)).toContain('"status":"submitted"');
    const e2 = await rejection(
      db
        .collection('concerns')
        .where({ status: 'x' })
        .update({ data: { a: 1 } }),
    );
    expect(String(e2.errMsg)).toContain('no index serves');
    const e3 = await rejection(db.collection('concerns').aggregate().match({ status: 'x' }).end());
    expect(String(e3.errMsg)).toContain('no index serves');
    const e4 = await rejection(db.collection('concerns').get());
    expect(String(e4.errMsg)).toContain('no index serves');
  });

  test('served queries pass: leading field eq/in/range, _id, $or of served branches, count, ordered full scan', async () => {
    const c = db.collection('concerns');
    await c.add({
      data: {
        _id: 'c1',
        unitPath: ['u1', 'u2'],
        status: 'submitted',
        createdAt: new Date(1000),
        submitterOpenid: 'o1',
      },
    });
    await c.add({
      data: { _id: 'c2', unitPath: ['u2'], status: 'done', createdAt: new Date(2000), submitterOpenid: 'o2' },
    });
    expect((await c.where({ unitPath: 'u2' }).orderBy('createdAt', 'desc').get()).data.map((d: any) => d._id)).toEqual([
      'c2',
      'c1',
    ]);
    expect((await c.where({ unitPath: 'u1', status: 'submitted' }).get()).data).toHaveLength(1);
    expect((await c.where({ unitPath: _.in(['u1', 'u9']) }).get()).data).toHaveLength(1);
    expect((await c.where({ _id: 'c1', status: 'x' }).get()).data).toHaveLength(0);
    expect((await c.where(_.or([{ unitPath: 'u1' }, { submitterOpenid: 'o2' }])).get()).data).toHaveLength(2);
    expect((await c.count()).total).toBe(2);
    expect((await c.orderBy('unitPath', 'asc').get()).data).toHaveLength(2);
    expect((await c.where({ submitterOpenid: 'o1', createdAt: _.gt(new Date(0)) }).get()).data).toHaveLength(1);
    const e = await rejection(c.where(_.or([{ unitPath: 'u1' }, { status: 'done' }])).get());
    expect(String(e.errMsg)).toContain('no index serves');
  });
});

describe('performance', () => {
  test('an indexed query on 20,000 documents examines few rows', async () => {
    const batch: string[] = [];
    const flush = async () => {
      const r = await database.handle({
        action: 'database.insertDocument',
        collectionName: 'concerns',
        data: batch.splice(0),
      });
      expect(r.code).toBeUndefined();
    };
    for (let i = 0; i < 20000; i++) {
      batch.push(
        JSON.stringify({
          _id: `perf${i}`,
          unitPath: ['root', `u${i % 50}`],
          status: i % 3 === 0 ? 'submitted' : 'done',
          submitterOpenid: `o${i % 1000}`,
          createdAt: { $date: { $numberLong: String(1700000000000 + i * 1000) } },
        }),
      );
      if (batch.length === 2000) await flush();
    }
    const c = db.collection('concerns');
    const snap = () => ({ ...database.stats });
    const delta = (a: { docsExamined: number; indexRowsExamined: number }) => ({
      docs: database.stats.docsExamined - a.docsExamined,
      rows: database.stats.indexRowsExamined - a.indexRowsExamined,
    });

    let s = snap();
    const page = await c.where({ unitPath: 'u7' }).orderBy('createdAt', 'desc').limit(10).get();
    expect(page.data).toHaveLength(10);
    expect(page.data[0]._id).toBe('perf19957');
    let d = delta(s);
    expect(d.docs).toBeLessThanOrEqual(12);
    expect(d.rows).toBeLessThanOrEqual(12);

    s = snap();
    const filtered = await c.where({ unitPath: 'u7', status: 'submitted' }).orderBy('createdAt', 'desc').limit(5).get();
    expect(filtered.data).toHaveLength(5);
    d = delta(s);
    expect(d.docs).toBeLessThanOrEqual(7);

    s = snap();
    expect((await c.where({ submitterOpenid: 'o3' }).count()).total).toBe(20);
    d = delta(s);
    expect(d.docs + d.rows).toBeLessThanOrEqual(50);

    s = snap();
    const range = await c.where({ unitPath: 'u1', createdAt: _.gte(new Date(1700000000000 + 19000 * 1000)) }).get();
    expect(range.data).toHaveLength(20);
    d = delta(s);
    expect(d.docs).toBeLessThanOrEqual(25);

    // for contrast, the same filter on an undeclared collection scans
    s = snap();
    await db.collection('big').where({ i: 3 }).get();
    expect(delta(s).docs).toBeGreaterThan(1000);
  }, 60000);
});

describe('durability', () => {
  test('every acknowledged write survives kill -9 mid-burst', async () => {
    const ddir = mkdtempSync(path.join(os.tmpdir(), 'lxq-dur-'));
    const script = path.join(ddir, 'writer.mts');
    const engine = path.resolve(__dirname, '../../emulator/db/index.ts');
    writeFileSync(
      script,
      `import { Database } from ${JSON.stringify(engine)};
const db = new Database({ dir: process.argv[2], collections: [{ name: 'w', description: '', indexes: [{ name: 'i', fields: [['i', 1]] }], rule: { read: false, write: false }, retention: null }] });
for (let i = 0; i < 100000; i++) {
  const r = await db.handle({ action: 'database.insertDocument', collectionName: 'w', data: [JSON.stringify({ _id: 'd' + i, i })] });
  if (r.code) { console.error(r); process.exit(1); }
  process.stdout.write('ack ' + i + '\\n');
}
setInterval(() => {}, 1000);
`,
    );
    const dataDir = path.join(ddir, 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (b: Buffer) => {
        buf += b.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) {
          const m = /^ack (\d+)$/.exec(l);
          if (m) acked.push(Number(m[1]));
        }
        if (acked.length >= 200 && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    expect(stderr).not.toMatch(/Error/);
    expect(acked.length).toBeGreaterThanOrEqual(200);
    // killed mid-burst, not after finishing
    expect(acked.length).toBeLessThan(100000);
    const reopened = new Database({ dir: dataDir, collections: [] });
    const r = await reopened.handle({ action: 'database.calculateDocument', collectionName: 'w', query: '{}' });
    const total = (r.data as { total: number }).total;
    expect(total).toBeGreaterThanOrEqual(acked.length);
    for (const i of acked) {
      const g = await reopened.handle({
        action: 'database.getDocument',
        collectionName: 'w',
        queryType: 'DOC',
        query: JSON.stringify({ _id: 'd' + i }),
      });
      expect((g.data as { list: string[] }).list).toHaveLength(1);
    }
    reopened.close();
    rmSync(ddir, { recursive: true, force: true });
  }, 60000);
});

describe('round trips', () => {
  test('every handle() call counts one round trip', async () => {
    const before = database.roundTrips;
    await db.collection('items').where({ n: 1 }).get();
    await db.collection('items').count();
    expect(database.roundTrips - before).toBe(2);
  });
});
