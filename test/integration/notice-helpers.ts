/** Shared by the notice integration tests: waiting for delivery and granting subscriptions. */
import type { System } from './system';

/** Fires the delivery timer until no batch is left and the notice is sent (kicked workers may still be running). */
export async function deliverAll(sys: System, noticeId: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await sys.db.collection('notices').where({ _id: noticeId }).limit(1).get();
    const open = await sys.db.collection('notice_queue').where({ noticeId, status: 'open' }).count();
    if (data[0]?.status === 'sent' && open.total === 0) return data[0];
    if (Date.now() > until)
      throw new Error(`通知 ${noticeId} 未在时限内送达：${data[0]?.status}，剩余批次 ${open.total}`);
    await sys.emulator.fireTimer('notice', 'deliver');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fires the timer until no open batch of this notice is left (reminder rounds). */
export async function drainQueue(sys: System, noticeId: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await sys.db.collection('notice_queue').where({ noticeId, status: 'open' }).count();
    if (open.total === 0) return;
    if (Date.now() > until) throw new Error(`通知 ${noticeId} 的队列未在时限内清空`);
    await sys.emulator.fireTimer('notice', 'deliver');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The person taps "允许" on the subscription dialog `times` times (each grant allows one push). */
export async function grant(sys: System, openid: string, times = 1) {
  for (let i = 0; i < times; i++) {
    await fetch(`${sys.emulator.url}/__cloud/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds: ['TPL_NOTICE'], result: 'accept' }),
    });
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- SDK documents */
/** Every document of a collection matching `where` (paged, so thousands are fine). */
export async function all(sys: System, collection: string, where: object): Promise<any[]> {
  const out: any[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await sys.db.collection(collection).where(where).skip(skip).limit(1000).get();
    out.push(...data);
    if (data.length < 1000) return out;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Delivers a notice to the end and counts the database round trips delivery itself made: the
 * test waits until the emulator is quiet (workers done) before looking, and takes its own looks
 * (one round trip each) out of the count.
 */
export async function deliverCounted(sys: System, send: () => Promise<string>, timeoutMs = 600_000) {
  const db = sys.emulator.database;
  const before = db.roundTrips;
  const started = Date.now();
  const noticeId = await send();
  let looks = 0;
  let doneAt = started;
  for (;;) {
    doneAt = await quiet(sys);
    const { data } = await sys.db.collection('notices').where({ _id: noticeId }).limit(1).get();
    const open = await sys.db.collection('notice_queue').where({ noticeId, status: 'open' }).count();
    looks += 2;
    if (data[0]?.status === 'sent' && open.total === 0) break;
    if (Date.now() - started > timeoutMs) throw new Error(`通知 ${noticeId} 未在时限内送达`);
    await sys.emulator.fireTimer('notice', 'deliver');
  }
  return { noticeId, trips: db.roundTrips - before - looks, ms: doneAt - started };
}

/** Until no round trip has been made for a while (every worker finished or died): when the last one was. */
export async function quiet(sys: System, forMs = 1500): Promise<number> {
  let last = sys.emulator.database.roundTrips;
  let lastAt = Date.now();
  while (Date.now() - lastAt < forMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = sys.emulator.database.roundTrips;
    if (now !== last) [last, lastAt] = [now, Date.now()];
  }
  return lastAt;
}
