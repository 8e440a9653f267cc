/**
 * Notices through the real notice function: compose, target, resolve, send, deliver through the
 * queue, read, reply, follow up, remind, export; by role and scope.
 */
import { startSystem, WHO, type System } from './system';
import { unitPath } from '../../scripts/seed/people';
import { all, deliverAll, drainQueue, grant } from './notice-helpers';
import { readWorkbook } from '../liaisonXlsx';

let sys: System;
let sector: { _id: string; name: string; members: { _id: string; openid: string }[] };

beforeAll(async () => {
  sys = await startSystem();
  // The 会宁 sector with the most members, as the seed assigned them.
  const members = await all(sys, 'users', { unitPath: 'u-huining', roles: 'member' });
  const bySector = new Map<string, { _id: string; openid: string }[]>();
  for (const m of members) bySector.set(m.sectorId, [...(bySector.get(m.sectorId) ?? []), m]);
  const [id, list] = [...bySector.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const { data } = await sys.db.collection('sectors').where({ _id: id }).limit(1).get();
  // A few more members in that sector, so "some read, some not" has people on both sides.
  const extra = Array.from({ length: 6 }, (_, i) => ({
    _id: `user-notice-${i}`,
    openid: `o_notice_${i}`,
    name: `测试委员${i}`,
    roles: ['member'],
    unitId: 'u-huining',
    unitPath: unitPath('u-huining'),
    sectorId: id,
    workstationIds: [],
    createdAt: new Date(),
  }));
  await sys.db.collection('users').add({ data: extra });
  sector = { _id: id, name: data[0].name, members: [...list, ...extra] };
}, 60_000);
afterAll(() => sys.stop());

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const targets = (t: Partial<Record<'sectorIds' | 'committeeIds' | 'workstationIds' | 'userIds', string[]>>) => ({
  sectorIds: [],
  committeeIds: [],
  workstationIds: [],
  roles: [],
  userIds: [],
  ...t,
});

test('when staff resolve a sector of their county, then the count and names of its members come back', async () => {
  const res = await sys.as(WHO.huiningStaff).ok('notice.resolve', { targets: targets({ sectorIds: [sector._id] }) });
  expect(res.count).toBe(sector.members.length);
  expect(res.targets).toEqual([{ kind: 'sector', id: sector._id, name: sector.name, count: sector.members.length }]);
  expect(res.sample).toHaveLength(sector.members.length);
});

test('when a target lies outside the sender’s scope, then sending is refused with its name and nothing is stored', async () => {
  const before = (await sys.db.collection('notices').count()).total;
  const res = await sys.as(WHO.jingyuanStaff).call('notice.send', {
    title: '越权通知',
    body: '不应送达',
    targets: targets({ sectorIds: [sector._id] }),
  });
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error.code).toBe('VALIDATION');
  expect(res.error.fields?.targets).toContain('没有可通知的人');
  expect((await sys.db.collection('notices').count()).total).toBe(before);
});

test('when the input is bad, then each field says why in Chinese and nothing is stored', async () => {
  const before = (await sys.db.collection('notices').count()).total;
  const res = await sys.as(WHO.huiningStaff).call('notice.send', {
    title: '',
    body: '正文',
    meeting: { at: 'not-a-date', place: '', replyBy: inDays(1) },
    targets: targets({}),
  });
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error.code).toBe('VALIDATION');
  expect(res.error.fields).toMatchObject({
    title: '请填写标题',
    'meeting.at': '会议时间格式不正确',
    'meeting.place': '请填写会议地点',
  });
  const none = await sys
    .as(WHO.huiningStaff)
    .call('notice.send', { title: '空对象', body: '正文', targets: targets({}) });
  expect(!none.ok && none.error.fields?.targets).toBe('请至少选择一个发送对象');
  expect((await sys.db.collection('notices').count()).total).toBe(before);
});

describe('a meeting notice to one sector', () => {
  let noticeId = '';

  beforeAll(async () => {
    // Half of them allowed a push once; the rest never subscribed.
    for (const m of sector.members.slice(0, Math.ceil(sector.members.length / 2))) await grant(sys, m.openid);
    const sent = await sys.as(WHO.huiningStaff).ok('notice.send', {
      title: '关于召开界别委员座谈会的通知：请各位委员准时参加并提前准备发言材料',
      body: '各位委员：\n\n请准时参加。',
      meeting: { at: inDays(3), place: '县政协三楼会议室', replyBy: inDays(2) },
      targets: targets({ sectorIds: [sector._id] }),
    });
    expect(sent.recipientCount).toBe(sector.members.length);
    noticeId = sent._id;
    await deliverAll(sys, noticeId);
  });

  test('when it is delivered, then every member has one inbox item and those with a subscription one push, cut to the template', async () => {
    for (const m of sector.members) {
      const items = await all(sys, 'inbox', { openid: m.openid });
      expect(items.filter((i) => i.refId === noticeId)).toHaveLength(1);
    }
    const pushes = sys.emulator.outbox().filter((o) => o.page?.includes(noticeId));
    expect(pushes).toHaveLength(Math.ceil(sector.members.length / 2));
    for (const p of pushes) expect([...String(p.data.thing1.value)].length).toBeLessThanOrEqual(20);
    const f = await sys.as(WHO.huiningStaff).ok('notice.followUp', { id: noticeId });
    expect(f.counts).toMatchObject({
      recipients: sector.members.length,
      delivered: sector.members.length,
      pushed: pushes.length,
      unreachable: sector.members.length - pushes.length,
      read: 0,
    });
    expect(f.items.find((r) => r.push === 'no_subscription')?.unreachable).toBe('未订阅或订阅次数已用完');
  });

  test('when a member opens it, then it is read (badge down) within 4 round trips, and staff see read 1/N', async () => {
    const m = sector.members[0];
    const before = (await sys.as(m.openid).ok('account.listInbox', {})).unread;
    const trips = sys.emulator.database.roundTrips;
    const view = await sys.as(m.openid).ok('notice.get', { id: noticeId });
    expect(sys.emulator.database.roundTrips - trips).toBeLessThanOrEqual(4);
    expect(view.meeting).toMatchObject({ place: '县政协三楼会议室', open: true });
    expect(view.readAt).not.toBe('');
    expect((await sys.as(m.openid).ok('account.listInbox', {})).unread).toBe(before - 1);
    const f = await sys.as(WHO.huiningStaff).ok('notice.followUp', { id: noticeId, filter: 'read' });
    expect(f.counts.read).toBe(1);
    expect(f.items.map((r) => r.name)).toHaveLength(1);
  });

  test('when a member replies attending and another not (with a reason), then staff see both; no reason is refused', async () => {
    const [a, b] = sector.members;
    const trips = sys.emulator.database.roundTrips;
    await sys.as(a.openid).ok('notice.reply', { id: noticeId, attending: true });
    expect(sys.emulator.database.roundTrips - trips).toBeLessThanOrEqual(4);
    const bad = await sys.as(b.openid).call('notice.reply', { id: noticeId, attending: false });
    expect(!bad.ok && bad.error.fields?.reason).toBe('请填写不能参会的原因');
    await sys.as(b.openid).ok('notice.reply', { id: noticeId, attending: false, reason: '外出调研' });
    const f = await sys.as(WHO.huiningStaff).ok('notice.followUp', { id: noticeId, filter: 'absent' });
    expect(f.counts).toMatchObject({ attending: 1, absent: 1 });
    expect(f.items[0].reply).toMatchObject({ attending: false, reason: '外出调研' });
  });

  test('when someone it was not addressed to asks for it or replies, then they get nothing and change nothing', async () => {
    for (const who of [WHO.citizen, WHO.jingyuanStaff]) {
      const got = await sys.as(who).call('notice.get', { id: noticeId });
      expect(!got.ok && got.error.code).toBe('NOT_FOUND');
      const replied = await sys.as(who).call('notice.reply', { id: noticeId, attending: true });
      expect(!replied.ok && replied.error.code).toBe('NOT_FOUND');
    }
    const f = await sys.as(WHO.huiningStaff).ok('notice.followUp', { id: noticeId });
    expect(f.counts.attending).toBe(1);
  });

  test('when staff outside the county ask for the follow-up, then they are refused', async () => {
    const res = await sys.as(WHO.jingyuanStaff).call('notice.followUp', { id: noticeId });
    expect(!res.ok && res.error.code).toBe('FORBIDDEN');
  });

  test('when staff remind, then only the unread are told again, and a second reminder within 24 hours is refused', async () => {
    const res = await sys.as(WHO.huiningStaff).ok('notice.remind', { id: noticeId });
    expect(res.reminded).toBe(sector.members.length - 1);
    await drainQueue(sys, noticeId);
    const reminders = (await Promise.all(sector.members.map((m) => all(sys, 'inbox', { openid: m.openid }))))
      .flat()
      .filter((i) => i.refId === noticeId && i.kind === 'reminder');
    expect(reminders).toHaveLength(sector.members.length - 1);
    expect(reminders.some((r) => r.openid === sector.members[0].openid)).toBe(false);
    const again = await sys.as(WHO.huiningStaff).call('notice.remind', { id: noticeId });
    expect(!again.ok && again.error.code).toBe('INVALID_STATE');
    expect(!again.ok && again.error.message).toContain('24 小时内只能提醒一次');
    // Opening after a reminder clears both items from the badge.
    const m = sector.members[1];
    await sys.as(m.openid).ok('notice.get', { id: noticeId });
    const mine = (await all(sys, 'inbox', { openid: m.openid })).filter((i) => i.refId === noticeId);
    expect(mine).toHaveLength(2);
    expect(mine.every((i) => i.readAt)).toBe(true);
  });

  test('when staff export the follow-up, then the export job’s workbook has a row per recipient with their replies', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const job = await staff.ok('exportJob.start', { kind: 'receipts', receipts: { noticeId, filter: 'all' } });
    expect(job).toMatchObject({ status: 'done', total: sector.members.length, done: sector.members.length });
    expect(job.fileName).toMatch(/^通知回执-.+-\d{8}-\d{6}\.xlsx$/);
    const sheet = readWorkbook(new Uint8Array(await (await fetch(job.url!)).arrayBuffer()))['回执'];
    expect(sheet[0].slice(0, 3)).toEqual(['姓名', '界别', '站内送达']);
    expect(sheet).toHaveLength(sector.members.length + 1);
    expect(sheet.slice(1).every((r) => r[1] === sector.name)).toBe(true);
    expect(sheet.find((r) => r[7] === '外出调研')?.[6]).toBe('不参加');
    expect(sheet.some((r) => r[6] === '参加')).toBe(true);
    // The 不参加 tab exports just its rows, as the tab lists them.
    const tab = await staff.ok('notice.followUp', { id: noticeId, filter: 'absent' });
    const absent = await staff.ok('exportJob.start', { kind: 'receipts', receipts: { noticeId, filter: 'absent' } });
    const absentRows = readWorkbook(new Uint8Array(await (await fetch(absent.url!)).arrayBuffer()))['回执'].slice(1);
    expect(absentRows.map((r) => r[0])).toEqual(tab.items.map((r) => r.name));
    expect(absentRows.every((r) => r[6] === '不参加')).toBe(true);
    // Another county's clerk cannot export it.
    const foreign = await sys
      .as(WHO.jingyuanStaff)
      .call('exportJob.start', { kind: 'receipts', receipts: { noticeId, filter: 'all' } });
    expect(foreign.ok ? null : foreign.error.code).toBe('FORBIDDEN');
  });

  test('when staff list their notices, then it shows with its recipients and reads', async () => {
    const list = await sys.as(WHO.huiningStaff).ok('notice.list', {});
    const item = list.items.find((n) => n._id === noticeId);
    expect(item).toMatchObject({ status: 'sent', recipientCount: sector.members.length, meeting: true });
    expect(item!.readCount).toBeGreaterThanOrEqual(2);
    const other = await sys.as(WHO.jingyuanStaff).ok('notice.list', {});
    expect(other.items.some((n) => n._id === noticeId)).toBe(false);
  });
});

test('when a notice is scheduled, then nothing is delivered until the timer finds it due', async () => {
  const [m] = sector.members;
  const sent = await sys.as(WHO.huiningStaff).ok('notice.send', {
    title: '定时发送的学习通知',
    body: '请认真学习。',
    sendAt: new Date(Date.now() + 3_600_000).toISOString(),
    targets: targets({ userIds: [(await all(sys, 'users', { openid: m.openid }))[0]._id] }),
  });
  expect(sent).toMatchObject({ status: 'scheduled', recipientCount: 1 });
  await sys.emulator.fireTimer('notice', 'deliver');
  const mine = async () => (await all(sys, 'inbox', { openid: m.openid })).filter((i) => i.refId === sent._id);
  expect(await mine()).toHaveLength(0);
  await sys.db
    .collection('notices')
    .doc(sent._id)
    .update({ data: { sendAt: new Date(Date.now() - 1000) } });
  await deliverAll(sys, sent._id);
  expect(await mine()).toHaveLength(1);
});

test('when a client calls the delivery job directly, then it is refused', async () => {
  const res = (await sys.emulator.callFunction(
    'notice',
    { Type: 'Timer', TriggerName: 'deliver', Time: '' },
    WHO.member,
  )) as {
    ok: boolean;
    error?: { code: string };
  };
  expect(res.ok).toBe(false);
  expect(res.error?.code).toBe('FORBIDDEN');
});
