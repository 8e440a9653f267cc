/**
 * Notice figures: time to fully deliver a notice to 50,000 recipients against 5,000 (a ratio
 * within this run), database round trips per recipient, and the member actions' round trips.
 * NOTICE_BENCH_TOTAL lowers the large figure for a quick run (the small one is a tenth of it).
 */
import { unitPath } from '../../scripts/seed/people';
import { newRequestId, type System } from '../integration/system';
import { all, deliverAll, deliverCounted } from '../integration/notice-helpers';

async function seedSector(sys: System, id: string, n: number) {
  await sys.db.collection('sectors').add({ data: { _id: id, unitId: 'u-huining', name: `压测界${n}`, order: 100 } });
  const users = Array.from({ length: n }, (_, i) => ({
    _id: `user-${id}-${i}`,
    openid: `o_${id}_${i}`,
    name: `压测${String(i).padStart(5, '0')}`,
    roles: ['member'],
    unitId: 'u-huining',
    unitPath: unitPath('u-huining'),
    sectorId: id,
    workstationIds: [],
    createdAt: new Date(),
  }));
  for (let i = 0; i < users.length; i += 100) await sys.db.collection('users').add({ data: users.slice(i, i + 100) });
  return users;
}

const TOTAL = Number(process.env.NOTICE_BENCH_TOTAL) || 50_000;
const SMALL = Math.round(TOTAL / 10);
const TIME_BUDGET = 12;
const TRIPS_BUDGET = 0.3;
const n = (x: number) => x.toLocaleString('en-US');

async function deliver(sys: System, sectorId: string) {
  return deliverCounted(sys, async () => {
    const res = (await sys.emulator.callFunction(
      'notice',
      {
        action: 'send',
        input: {
          title: '压测通知',
          body: '用于测量全部送达的时间。',
          targets: { sectorIds: [sectorId], committeeIds: [], workstationIds: [], roles: [], userIds: [] },
        },
        requestId: newRequestId(),
      },
      'o_staff_huining',
    )) as { ok: boolean; data: { _id: string } };
    if (!res.ok) throw new Error(`notice.send failed: ${JSON.stringify(res)}`);
    return res.data._id;
  });
}

export async function noticeFigures(sys: System): Promise<[string, string][]> {
  await seedSector(sys, 'bench-small', SMALL);
  const big = await seedSector(sys, 'bench-large', TOTAL);
  const small = await deliver(sys, 'bench-small');
  const large = await deliver(sys, 'bench-large');
  const reader = big[0].openid;
  const trips = async (fn: () => Promise<unknown>) => {
    const before = sys.emulator.database.roundTrips;
    await fn();
    return sys.emulator.database.roundTrips - before;
  };
  const me = sys.as(reader);
  const inbox = await trips(() => me.call('account.listInbox', {}));
  const get = await trips(() => me.call('notice.get', { id: large.noticeId }));
  const reopen = await trips(() => me.call('notice.get', { id: large.noticeId }));
  const meeting = await meetingNotice(sys, big[1]._id);
  const reply = await trips(() => sys.as(big[1].openid).call('notice.reply', { id: meeting, attending: true }));
  const [other] = (await all(sys, 'inbox', { openid: big[1].openid })).filter((i) => !i.readAt);
  const read = await trips(() => sys.as(big[1].openid).call('account.readInbox', { id: other?._id ?? 'none' }));
  const delivered = (await all(sys, 'notice_recipients', { noticeId: large.noticeId })).filter(
    (r) => r.deliveredAt,
  ).length;
  const ratio = large.ms / small.ms;
  const perLarge = large.trips / TOTAL;
  const perSmall = small.trips / SMALL;
  return [
    [
      `notice to ${n(TOTAL)} vs ${n(SMALL)} recipients: time to deliver all (ratio, budget ≤ ${TIME_BUDGET}×)`,
      `${ratio.toFixed(1)}× ${ratio <= TIME_BUDGET ? '✓' : '✗'} (${(large.ms / 1000).toFixed(1)} s vs ${(small.ms / 1000).toFixed(1)} s, ${n(delivered)}/${n(TOTAL)} delivered)`,
    ],
    [
      `notice delivery: database round trips per recipient (${n(TOTAL)} / ${n(SMALL)}, budget ≤ ${TRIPS_BUDGET})`,
      `${perLarge.toFixed(3)} / ${perSmall.toFixed(3)} ${Math.max(perLarge, perSmall) <= TRIPS_BUDGET ? '✓' : '✗'} (${n(large.trips)} / ${n(small.trips)} round trips)`,
    ],
    ['notice.get (member opens a notice, first time: read + audited): database round trips', String(get)],
    ['notice.get (member opens it again: writes nothing): database round trips', String(reopen)],
    ['notice.reply (member replies to a meeting): database round trips', String(reply)],
    ['account.listInbox (member): database round trips', String(inbox)],
    ['account.readInbox (member reads another message): database round trips', String(read)],
  ];
}

/** A meeting notice to one person, delivered: what the member replies to. */
async function meetingNotice(sys: System, userId: string): Promise<string> {
  const res = (await sys.emulator.callFunction(
    'notice',
    {
      action: 'send',
      input: {
        title: '压测会议通知',
        body: '用于测量回执。',
        targets: { sectorIds: [], committeeIds: [], workstationIds: [], roles: [], userIds: [userId] },
        meeting: {
          at: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          place: '县政协三楼会议室',
          replyBy: new Date(Date.now() + 4 * 86_400_000).toISOString(),
        },
      },
      requestId: newRequestId(),
    },
    'o_staff_huining',
  )) as { ok: boolean; data: { _id: string } };
  if (!res.ok) throw new Error(`notice.send failed: ${JSON.stringify(res)}`);
  await deliverAll(sys, res.data._id);
  return res.data._id;
}
