/**
 * Transactions as CloudBase keeps them, through the real wx-server-sdk: snapshot reads without
 * locks, an immediate conflict for the later writer, nothing held past an attempt, the platform's
 * error on an ended transaction, and document operations only.
 */
import { type SdkDb, rejection, startSdkDb } from './fixtures/sdkDb';

/* eslint-disable @typescript-eslint/no-explicit-any */
let h: SdkDb;
let db: any;
let _: any;

const doc = (t: any, id: string) => t.collection('counters').doc(id);
const n = async (id: string): Promise<number> => (await db.collection('counters').doc(id).get()).data.n;
const elapsed = async (p: Promise<unknown>): Promise<number> => {
  const started = Date.now();
  await p.catch(() => undefined);
  return Date.now() - started;
};

beforeAll(async () => {
  h = await startSdkDb([], ['counters']);
  db = h.db;
  _ = db.command;
  await db.collection('counters').add({
    data: ['snap', 'free', 'w', 'x', 'y', 'ended', 'rmw', 'commit', 'only', 'vis'].map((id) => ({ _id: id, n: 0 })),
  });
});

afterAll(async () => {
  await h?.close();
});

test('when someone commits a document a transaction has read, then the transaction still reads its version from the start', async () => {
  const t = await db.startTransaction();
  expect((await doc(t, 'snap').get()).data.n).toBe(0);
  await db
    .collection('counters')
    .doc('snap')
    .update({ data: { n: 5 } });
  expect((await doc(t, 'snap').get()).data.n).toBe(0);
  await t.rollback();
  expect(await n('snap')).toBe(5);
});

test('when a transaction has read a document, then another transaction writes it at once (reads take no lock)', async () => {
  const reader = await db.startTransaction();
  await doc(reader, 'free').get();
  const took = await elapsed(
    db.runTransaction(async (t: any) => {
      const cur = await doc(t, 'free').get();
      await doc(t, 'free').update({ data: { n: cur.data.n + 1 } });
    }),
  );
  expect(took).toBeLessThan(1000);
  expect(await n('free')).toBe(1);
  await reader.commit();
});

test('when a second transaction writes a document the first is writing, then it is refused at once with the conflict', async () => {
  const first = await db.startTransaction();
  await doc(first, 'w').update({ data: { n: 1 } });
  const second = await db.startTransaction();
  const started = Date.now();
  const e = await rejection(doc(second, 'w').update({ data: { n: 2 } }));
  expect(Date.now() - started).toBeLessThan(1000);
  // wx-server-sdk hands an in-transaction error to the caller as errCode -501001 with the platform's message
  expect(e.errMsg).toContain('[ResourceUnavailable.TransactionConflict]');
  await first.commit();
  expect(await n('w')).toBe(1);
  // the refused transaction is over: it keeps nothing and commits nothing
  expect((await rejection(second.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('when a transaction is refused a write, then nothing it held outlives it: the next writer goes through at once', async () => {
  const holder = await db.startTransaction();
  await doc(holder, 'y').update({ data: { n: 1 } });
  const refused = await db.startTransaction();
  await doc(refused, 'x').update({ data: { n: 1 } });
  await rejection(doc(refused, 'y').update({ data: { n: 1 } }));
  // `refused` is never rolled back by its caller (runTransaction does not roll back a retried attempt)
  const took = await elapsed(
    db.runTransaction(async (t: any) => {
      await doc(t, 'x').update({ data: { n: _.inc(10) } });
    }),
  );
  expect(took).toBeLessThan(1000);
  expect(await n('x')).toBe(10);
  await holder.rollback();
});

test('when a write outside the transaction lands on a document it writes, then its commit fails with the conflict and runTransaction retries', async () => {
  const t = await db.startTransaction();
  await doc(t, 'commit').update({ data: { n: _.inc(1) } });
  await db
    .collection('counters')
    .doc('commit')
    .update({ data: { n: _.inc(100) } });
  expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await n('commit')).toBe(100);

  let attempts = 0;
  await db.runTransaction(async (tx: any) => {
    attempts++;
    await doc(tx, 'commit').update({ data: { n: _.inc(10) } });
    if (attempts === 1)
      await db
        .collection('counters')
        .doc('commit')
        .update({ data: { n: _.inc(1) } });
  });
  expect(attempts).toBe(2);
  expect(await n('commit')).toBe(111);
});

test('when 20 transactions read-modify-write one document at once, then no update is lost', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, () =>
      db.runTransaction(async (t: any) => {
        const cur = await doc(t, 'rmw').get();
        await new Promise((r) => setTimeout(r, 5));
        await doc(t, 'rmw').update({ data: { n: cur.data.n + 1 } });
      }),
    ),
  );
  const committed = results.filter((r) => r.status === 'fulfilled').length;
  expect(committed).toBeGreaterThan(0);
  expect(await n('rmw')).toBe(committed);
  for (const r of results)
    if (r.status === 'rejected') expect(String(r.reason.errMsg)).toContain('TransactionConflict');
});

test('when a transaction has committed, then a further operation on it fails with the platform error', async () => {
  const t = await db.startTransaction();
  await doc(t, 'ended').update({ data: { n: 1 } });
  await t.commit();
  const e = await rejection(doc(t, 'ended').get());
  expect(e.errMsg).toContain('[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server');
  const again = await rejection(t.commit());
  expect(again.code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(again.message).toContain('[ResourceUnavailable.TransactionNotExist]');
});

test('when a transaction is given a where-query, then it is refused: transactions take document operations only', async () => {
  const t = await db.startTransaction();
  const e = await rejection(t.collection('counters').where({ n: 0 }).get());
  expect(e.errCode).toBe(-501007);
  await t.rollback();
  expect(await n('only')).toBe(0);
  // where().update()/remove() are sent by the SDK without the transaction: they apply at once, outside it
  const t2 = await db.startTransaction();
  await t2
    .collection('counters')
    .where({ _id: 'only' })
    .update({ data: { n: 7 } });
  expect(await n('only')).toBe(7);
  await t2.rollback();
  expect(await n('only')).toBe(7);
});

test('when a transaction writes, then nobody sees it until commit; a rollback discards it', async () => {
  const t = await db.startTransaction();
  await doc(t, 'vis').update({ data: { n: 5 } });
  await t.collection('counters').add({ data: { _id: 'tx-new', n: 1 } });
  expect(await n('vis')).toBe(0);
  expect((await doc(t, 'vis').get()).data.n).toBe(5);
  await t.commit();
  expect(await n('vis')).toBe(5);
  expect(await n('tx-new')).toBe(1);

  const t2 = await db.startTransaction();
  await doc(t2, 'vis').update({ data: { n: 99 } });
  await doc(t2, 'tx-new').remove();
  await t2.rollback();
  expect(await n('vis')).toBe(5);
  expect(await n('tx-new')).toBe(1);
});
