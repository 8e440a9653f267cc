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
