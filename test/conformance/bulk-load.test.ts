/**
 * Database.bulkLoad (benches load a million documents with it): what it stores is what an SDK
 * insert would store, indexes included, and a duplicate _id loads nothing of its batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../emulator/db';

let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-bulk-'));
  db = new Database({
    dir,
    strictIndexes: true,
    collections: [
      {
        name: 'concerns',
        description: 'test',
        indexes: [
          {
            name: 'unit_created',
            fields: [
              ['unitPath', 1],
              ['createdAt', -1],
            ],
          },
        ],
        rule: { read: false, write: false },
        retention: null,
      },
    ],
  });
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (query: object, order?: [string, string][]) =>
  (await db.handle({
    action: 'database.getDocument',
    collectionName: 'concerns',
    query: JSON.stringify(query),
    ...(order ? { order: order.map(([field, direction]) => ({ field, direction })) } : {}),
    limit: 10,
  })) as { code?: string; data?: { list: string[] } };

test('when documents are bulk-loaded, then an indexed, sorted query finds them as it would SDK inserts, without counting round trips', async () => {
  db.bulkLoad(
    'concerns',
    Array.from({ length: 3 }, (_, i) => ({ _id: `c${i}`, unitPath: ['u1', 'u2'], createdAt: new Date(1000 * i) })),
  );
  expect(db.roundTrips).toBe(0);
  const r = await get({ unitPath: 'u2' }, [['createdAt', 'desc']]);
  expect(r.code).toBeUndefined();
  expect(r.data!.list.map((d) => JSON.parse(d)._id)).toEqual(['c2', 'c1', 'c0']);
  expect(JSON.parse(r.data!.list[0]).createdAt).toEqual({ $date: { $numberLong: '2000' } });
});

test('when a batch repeats an _id, then it is refused and nothing of it is stored', async () => {
  db.bulkLoad('concerns', [{ _id: 'a', unitPath: ['u1'], createdAt: new Date(0) }]);
  expect(() =>
    db.bulkLoad('concerns', [
      { _id: 'b', unitPath: ['u1'], createdAt: new Date(0) },
      { _id: 'a', unitPath: ['u1'], createdAt: new Date(0) },
    ]),
  ).toThrow();
  const r = await get({ unitPath: 'u1' }, [['createdAt', 'desc']]);
  expect(r.data!.list.map((d) => JSON.parse(d)._id)).toEqual(['a']);
  expect(() => db.bulkLoad('nowhere', [{ _id: 'x' }])).toThrow();
});
