/**
 * The housekeeping timers (issue 17): retention as collections.ts declares it, purged in pages;
 * and the nightly recount that repairs and reports counters that drifted from their records.
 */
import { startSystem, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const count = async (coll: string, where: object) => (await sys.db.collection(coll).where(where).count()).total;
const fire = (name: string) => sys.emulator.fireTimer('housekeeping', name) as Promise<{ ok: boolean; data: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

test('when documents are past their retention, then the nightly purge removes them in pages and keeps the rest', async () => {
  const inbox = (i: number, days: number) => ({
    _id: `hk-inbox-${days}-${i}`,
    openid: 'o_hk_person',
    kind: 'reminder',
    title: '旧消息',
    body: '',
    page: 'pages/me/index',
    refId: null,
    createdAt: ago(days),
    readAt: null,
    push: 'skipped',
  });
  const old = Array.from({ length: 450 }, (_, i) => inbox(i, 800));
  for (let i = 0; i < old.length; i += 100) await sys.db.collection('inbox').add({ data: old.slice(i, i + 100) });
  await sys.db.collection('inbox').add({ data: inbox(0, 10) });
  await sys.db.collection('audit').add({
    data: {
      _id: 'hk-audit-old',
      actor: 'x',
      actorUserId: null,
      action: 'x',
      target: 'hk',
      before: null,
      after: null,
      at: ago(3700),
      result: null,
    },
  });
  await sys.db.collection('audit').add({
    data: {
      _id: 'hk-audit-new',
      actor: 'x',
      actorUserId: null,
      action: 'x',
      target: 'hk',
      before: null,
      after: null,
      at: ago(5),
      result: null,
    },
  });

  const res = await fire('purgeExpired');
  expect(res).toMatchObject({ ok: true, data: { unfinished: false } });
  expect(res.data.removed.inbox).toBe(450);
  expect(res.data.removed.audit).toBe(1);
  expect(await count('inbox', { openid: 'o_hk_person' })).toBe(1);
  expect(
    (await sys.db.collection('audit').where({ target: 'hk' }).get()).data.map((d: { _id: string }) => d._id),
  ).toEqual(['hk-audit-new']);
  // A second run finds nothing more.
  expect((await fire('purgeExpired')).data.removed).toMatchObject({ inbox: 0, audit: 0, notice_queue: 0 });
});

test('when a concern bucket and a notice count drifted, then the recount repairs them and reports each drift once', async () => {
  const bucket = () => sys.db.collection('concern_counters').doc('ws:ws-huishi').get();
  const truth = (await bucket()).data.counts;
  const submitted = await count('concerns', { workstationId: 'ws-huishi', status: 'submitted' });
  expect(truth.submitted ?? 0).toBe(submitted);
  await sys.db
    .collection('concern_counters')
    .doc('ws:ws-huishi')
    .update({ data: { 'counts.submitted': submitted + 5, 'counts.closed': 99 } });
  const notice = (await sys.db.collection('notices').where({ status: 'sent' }).limit(1).get()).data[0];
  await sys.db
    .collection('notices')
    .doc(notice._id)
    .update({ data: { recipientCount: notice.recipientCount + 3 } });

  const res = await fire('recountCounters');
  expect(res.ok).toBe(true);
  expect(res.data.drift).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ target: 'concern_counters/ws:ws-huishi' }),
      {
        target: `notices/${notice._id}/recipientCount`,
        before: notice.recipientCount + 3,
        after: notice.recipientCount,
      },
    ]),
  );
  expect(res.data.drift).toHaveLength(2);
  const repaired = (await bucket()).data.counts;
  expect(repaired.submitted ?? 0).toBe(submitted);
  expect(repaired.closed ?? 0).toBe(await count('concerns', { workstationId: 'ws-huishi', status: 'closed' }));
  expect((await sys.db.collection('notices').doc(notice._id).get()).data.recipientCount).toBe(notice.recipientCount);
  expect(await count('audit', { target: 'concern_counters/ws:ws-huishi' })).toBe(1);
  expect((await fire('recountCounters')).data.drift).toEqual([]);
});
