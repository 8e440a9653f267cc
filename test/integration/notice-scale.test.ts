/**
 * Delivery at scale: a notice to 600 people costs at most 0.3 database round trips per recipient
 * (inbox items and recipient outcomes written per batch, not per person; subscribe messages are
 * platform calls and not counted), and the sender's figures come from counters the workers move
 * per batch, consistent at every look while the notice goes out.
 */
import { unitPath } from '../../scripts/seed/people';
import { all, deliverCounted, deliverAll, grant } from './notice-helpers';
import { newRequestId, startSystem, WHO, type System } from './system';

const N = 600;
// One only: the openid index is unique, and an account without one counts as the empty openid.
const UNBOUND = 1;
const GRANTED = 50;
const SECTOR = 'sec-scale';
const BUDGET_PER_RECIPIENT = 0.3;
let sys: System;

beforeAll(async () => {
  sys = await startSystem();
  await sys.db.collection('sectors').add({ data: { _id: SECTOR, unitId: 'u-huining', name: '规模测试界', order: 98 } });
  const users = Array.from({ length: N }, (_, i) => ({
    _id: `user-scale-${i}`,
    // The last one never bound a WeChat account: no inbox, no push, unreachable from the start.
    ...(i < N - UNBOUND ? { openid: `o_scale_${i}` } : {}),
    name: `规模${String(i).padStart(4, '0')}`,
    roles: ['member'],
    unitId: 'u-huining',
    unitPath: unitPath('u-huining'),
    sectorId: SECTOR,
    workstationIds: [],
    createdAt: new Date(),
  }));
  for (let i = 0; i < N; i += 100) await sys.db.collection('users').add({ data: users.slice(i, i + 100) });
  for (let i = 0; i < GRANTED; i++) await grant(sys, `o_scale_${i}`, 2);
}, 120_000);
afterAll(() => sys.stop());

async function send(title: string): Promise<string> {
  const res = (await sys.emulator.callFunction(
    'notice',
    {
      action: 'send',
      input: {
        title,
        body: '请查收。',
        targets: { sectorIds: [SECTOR], committeeIds: [], workstationIds: [], roles: [], userIds: [] },
      },
      requestId: newRequestId(),
    },
    WHO.huiningStaff,
  )) as { ok: boolean; data: { _id: string; recipientCount: number } };
  if (!res.ok) throw new Error(`notice.send failed: ${JSON.stringify(res)}`);
  expect(res.data.recipientCount).toBe(N);
  return res.data._id;
}

test(`when a notice goes to ${N} people, then delivery costs at most ${BUDGET_PER_RECIPIENT} database round trips per recipient and reaches each once`, async () => {
  const { noticeId, trips } = await deliverCounted(sys, () => send('规模测试通知'));
  console.log(`送达 ${N} 人：数据库往返 ${trips} 次，每人 ${(trips / N).toFixed(3)} 次`);
  expect(trips / N).toBeLessThanOrEqual(BUDGET_PER_RECIPIENT);

  const inbox: { openid: string; refId: string }[] = [];
  for (let i = 0; i < N - UNBOUND; i += 100) {
    const openids = Array.from({ length: Math.min(100, N - UNBOUND - i) }, (_, k) => `o_scale_${i + k}`);
    inbox.push(...(await all(sys, 'inbox', { openid: sys.db.command.in(openids) })));
  }
  // Only this notice's items (the first GRANTED also hold none other yet: this is the first notice).
  expect(inbox.every((i) => i.refId === noticeId)).toBe(true);
  expect(inbox).toHaveLength(N - UNBOUND);
  expect(new Set(inbox.map((i) => i.openid)).size).toBe(N - UNBOUND);
  const recipients = await all(sys, 'notice_recipients', { noticeId });
  expect(recipients.filter((r) => r.deliveredAt)).toHaveLength(N - UNBOUND);
  expect(recipients.filter((r) => r.push === 'sent')).toHaveLength(GRANTED);
  expect(recipients.filter((r) => r.push === 'unbound')).toHaveLength(UNBOUND);
}, 300_000);

test('when a notice is going out, then the sender sees delivered, pending and unreachable move from the counters and add up at every look', async () => {
  const looks: { delivered: number; pending: number; unreachable: number; pushed: number }[] = [];
  const noticeId = await send('规模进度通知');
  const staff = sys.as(WHO.huiningStaff);
  const watching = (async () => {
    for (;;) {
      const { notice, counts } = await staff.ok('notice.followUp', { id: noticeId });
      looks.push(counts);
      if (notice.status === 'sent') return;
    }
  })();
  await deliverAll(sys, noticeId);
  await watching;

  for (const c of looks) expect(c.delivered + c.pending).toBe(N - UNBOUND);
  const delivered = looks.map((c) => c.delivered);
  console.log(`进度：${[...new Set(delivered)].join(' → ')}`);
  expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
  const last = looks[looks.length - 1];
  // Each of the first GRANTED had two grants: this second notice is pushed to them too.
  expect(last).toMatchObject({ recipients: N, delivered: N - UNBOUND, pending: 0, pushed: GRANTED });
  expect(last.unreachable).toBe(N - GRANTED);
  const { data } = await sys.db.collection('notices').where({ _id: noticeId }).limit(1).get();
  expect(data[0].progress).toEqual({ delivered: N - UNBOUND, pushed: GRANTED, unreachable: N - UNBOUND - GRANTED });
  expect(data[0].unboundCount).toBe(UNBOUND);
}, 300_000);

test('when follow-up is asked for a notice that does not exist, then it is refused and nothing is counted', async () => {
  const res = await sys.as(WHO.huiningStaff).call('notice.followUp', { id: 'notice-none' });
  expect(res.ok).toBe(false);
});
