/**
 * Liaison records through the real liaison function: a member logs records (with concerns raised),
 * keeps contacts, a base unit and pairings, reads their 成绩单; a director sees who is behind and
 * reminds them; staff browse and export. Bad input and other people's scope change nothing.
 */
import { startSystem, WHO, newRequestId, type System } from './system';
import { readWorkbook, serialToChina } from '../liaisonXlsx';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const DIRECTOR = 'o_member_03';
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const record = (over: object = {}) => ({
  date: chinaDay(),
  time: '00:05',
  channel: 'face' as const,
  place: '白银区四龙路社区',
  personTimes: 12,
  summary: '上门走访社区居民，了解老旧小区改造意见。',
  ...over,
});
const count = async (collection: string, where: object) =>
  (await sys.db.collection(collection).where(where).count()).total as number;
const roundTrips = async (fn: () => Promise<unknown>) => {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
};

describe('a behind member logs a record', () => {
  test('when the director opens their list, then the member shows as behind with what is missing', async () => {
    const grid = await sys.as(DIRECTOR).ok('liaison.grid', {});
    const m02 = grid.groups.flatMap((g) => g.members).find((m) => m.userId === 'user-m02');
    expect(m02).toMatchObject({ behind: true, quarterActivities: 0 });
    expect(m02!.shortfalls).toContain('本季度尚无联系活动');
    const card = await sys.as(WHO.member).ok('liaison.scorecard', {});
    expect(card.progress.quarterActivities).toBe(0);
    expect(card.quota).toEqual({ activitiesPerQuarter: 1, personTimesPerYear: 50 });
  });

  test('when the member logs a record raising a concern, then the record and a member-sourced concern are stored', async () => {
    const res = await sys.as(WHO.member).ok(
      'liaison.log',
      record({
        occasion: 'demand',
        groups: ['社区居民'],
        services: ['收集意见'],
        concerns: [
          { category: '民生', title: '小区加装电梯进度', text: '居民反映加装电梯申请半年没有消息，希望了解进度。' },
        ],
      }),
    );
    expect(res.concernIds).toHaveLength(1);
    const { data } = await sys.db.collection('liaison_records').doc(res._id).get();
    expect(data[0] ?? data).toMatchObject({
      memberId: 'user-m02',
      personTimes: 12,
      channel: 'face',
      occasion: 'demand',
    });
    const concern = (await sys.db.collection('concerns').doc(res.concernIds[0]).get()).data;
    const c = Array.isArray(concern) ? concern[0] : concern;
    expect(c).toMatchObject({ source: 'member', status: 'submitted', title: '小区加装电梯进度' });
    expect(c.recorder).toMatchObject({ userId: 'user-m02' });
  });

  test('when the 成绩单 is read again, then this quarter counts the record and nothing is behind', async () => {
    const card = await sys.as(WHO.member).ok('liaison.scorecard', {});
    expect(card.progress.quarterActivities).toBe(1);
    expect(card.progress.quarterPersonTimes).toBe(12);
    expect(card.progress.shortfalls).toEqual([]);
    expect(card.quarters[card.quarter - 1]).toMatchObject({ activities: 1, personTimes: 12 });
  });

  test('when the director looks again, then the member is no longer behind', async () => {
    const grid = await sys.as(DIRECTOR).ok('liaison.grid', {});
    const m02 = grid.groups.flatMap((g) => g.members).find((m) => m.userId === 'user-m02');
    expect(m02).toMatchObject({ behind: false, quarterActivities: 1 });
  });
});

test('when a record is logged, then it costs at most 4 database round trips, and so does the 成绩单', async () => {
  expect(await roundTrips(() => sys.as(WHO.member).ok('liaison.log', record({ personTimes: 2 })))).toBeLessThanOrEqual(
    4,
  );
  expect(await roundTrips(() => sys.as(WHO.member).ok('liaison.scorecard', {}))).toBeLessThanOrEqual(4);
  expect(await roundTrips(() => sys.as(DIRECTOR).ok('liaison.grid', {}))).toBeLessThanOrEqual(4);
  expect(await roundTrips(() => sys.as(WHO.member).ok('liaison.formOptions', {}))).toBeLessThanOrEqual(4);
});

test('when the same record is sent three times at once, then it is stored once with one concern', async () => {
  const requestId = newRequestId();
  const input = record({
    place: '并发测试企业',
    concerns: [
      { category: '营商环境', title: '证照办理跑多次', text: '企业反映证照办理需要跑多个窗口，材料重复提交。' },
    ],
  });
  const answers = await Promise.all([1, 2, 3].map(() => sys.as(WHO.member).ok('liaison.log', input, requestId)));
  expect(new Set(answers.map((a) => a._id)).size).toBe(1);
  expect(await count('liaison_records', { memberId: 'user-m02', place: '并发测试企业' })).toBe(1);
  expect(await count('concerns', { _id: answers[0].concernIds[0] })).toBe(1);
});

describe('bad input is refused with a message under the field and nothing is written', () => {
  test.each([
    ['negative person-times', { personTimes: -3 }, 'personTimes', '至少为 1'],
    ['absurd person-times', { personTimes: 99999 }, 'personTimes', '不能超过 2000'],
    ['fractional person-times', { personTimes: 2.5 }, 'personTimes', '整数'],
    ['a date in the future', { date: chinaDay(2) }, 'date', '不能晚于现在'],
    ['a date over a year ago', { date: chinaDay(-400) }, 'date', '一年内'],
    ['an unknown channel', { channel: 'carrier_pigeon' }, 'channel', '请选择联系渠道'],
    ['an unknown occasion', { occasion: 'birthday' }, 'occasion', '八必访'],
    ['an empty place', { place: '' }, 'place', '请填写联系地点或单位'],
    ['a contact that is not theirs', { contactIds: ['c-someone-else'] }, 'contactIds', '重新选择'],
  ])('when the member sends %s, then VALIDATION names the field', async (_what, over, field, message) => {
    const before = await count('liaison_records', { memberId: 'user-m02' });
    const res = await sys.as(WHO.member).call('liaison.log', record(over) as never);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.fields?.[field]).toContain(message);
    expect(await count('liaison_records', { memberId: 'user-m02' })).toBe(before);
  });
});

test('when a record is at 23:30 on 31 March Beijing time, then the 成绩单 counts it in Q1, and 00:10 on 1 April in Q2', async () => {
  const year = Number(chinaDay().slice(0, 4));
  const who = 'o_member_05';
  const q1Before = (await sys.as(who).ok('liaison.scorecard', { year, quarter: 1 })).quarters;
  await sys.as(who).ok('liaison.log', record({ date: `${year}-03-31`, time: '23:30', personTimes: 7 }));
  await sys.as(who).ok('liaison.log', record({ date: `${year}-04-01`, time: '00:10', personTimes: 3 }));
  const after = await sys.as(who).ok('liaison.scorecard', { year, quarter: 1 });
  expect(after.quarters[0].personTimes - q1Before[0].personTimes).toBe(7);
  expect(after.quarters[1].personTimes - q1Before[1].personTimes).toBe(3);
  expect(after.progress.quarterPersonTimes).toBe(after.quarters[0].personTimes);
});

test('when a quarter that has not begun is asked for, then it is refused', async () => {
  const year = Number(chinaDay().slice(0, 4)) + 1;
  const res = await sys.as(WHO.member).call('liaison.scorecard', { year, quarter: 1 });
  expect(res.ok ? null : res.error.fields?.quarter).toBe('该季度尚未开始');
});

describe('contacts, base unit and pairings', () => {
  const who = 'o_member_07';
  test('when a member adds, edits and removes a contact, then the form offers exactly what is stored', async () => {
    const { id } = await sys.as(who).ok('liaison.saveContact', {
      name: '测试联系人',
      unit: '白银市实验中学',
      occupation: '教师',
      phone: '13912345678',
      tags: ['重点联系'],
    });
    await sys.as(who).ok('liaison.saveContact', { id, name: '测试联系人', phone: '13912345679', occupation: '校长' });
    let opts = await sys.as(who).ok('liaison.formOptions', {});
    expect(opts.contacts.find((c) => c.id === id)).toMatchObject({ phone: '13912345679', occupation: '校长' });
    await sys.as(who).ok('liaison.log', record({ place: '最近去过的地方', contactIds: [id] }));
    opts = await sys.as(who).ok('liaison.formOptions', {});
    expect(opts.recentPlaces[0]).toBe('最近去过的地方');
    expect(opts.recentContactIds[0]).toBe(id);
    expect((await sys.as(who).ok('liaison.removeContact', { id })).removed).toBe(true);
    opts = await sys.as(who).ok('liaison.formOptions', {});
    expect(opts.contacts.some((c) => c.id === id)).toBe(false);
    expect(opts.recentContactIds).not.toContain(id);
  });

  test('when a contact has a bad phone, then the phone field says so and nothing changes', async () => {
    const before = await sys.as(who).ok('liaison.formOptions', {});
    const res = await sys.as(who).call('liaison.saveContact', { name: '张三', phone: '12345' });
    expect(res.ok ? null : res.error.fields?.phone).toBe('请填写 11 位手机号');
    expect((await sys.as(who).ok('liaison.formOptions', {})).contacts).toEqual(before.contacts);
  });

  test('when a member sets a base unit and a pairing, then records of the pairing list under it', async () => {
    await sys.as(who).ok('liaison.saveBase', { name: '人民路商务楼宇', kind: '楼宇', address: '白银区人民路 18 号' });
    const { id } = await sys.as(who).ok('liaison.savePairing', {
      name: '马大爷家',
      kind: 'family',
      note: '独居老人，每月探望',
      since: '2026-01-10',
    });
    await sys.as(who).ok('liaison.log', record({ place: '马大爷家', pairingId: id, channel: 'service' }));
    const opts = await sys.as(who).ok('liaison.formOptions', {});
    expect(opts.base).toMatchObject({ name: '人民路商务楼宇' });
    const list = await sys.as(who).ok('liaison.mine', { pairingId: id });
    expect(list.items.map((r) => r.pairingName)).toEqual(['马大爷家']);
  });
});

describe('the director reminds', () => {
  test('when a director reminds everyone behind, then each gets an inbox item and a push when subscribed', async () => {
    const grid = await sys.as(DIRECTOR).ok('liaison.grid', {});
    const behind = grid.groups.flatMap((g) => g.members).filter((m) => m.behind);
    expect(behind.length).toBeGreaterThan(0);
    const first = behind[0];
    const openid = (await sys.db.collection('users').doc(first.userId).get()).data;
    const target = (Array.isArray(openid) ? openid[0] : openid).openid as string;
    await fetch(`${sys.emulator.url}/__cloud/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: target, templateIds: ['TPL_TASK_REMINDER'], result: 'accept' }),
    });
    const since = sys.emulator.outbox().length;
    const res = await sys.as(DIRECTOR).ok('liaison.remind', {});
    expect(res.reminded).toBe(new Set(behind.map((m) => m.userId)).size);
    expect(res.pushed).toBeGreaterThanOrEqual(1);
    const pushes = sys.emulator.outbox().slice(since);
    expect(pushes.some((p) => p.touser === target)).toBe(true);
    expect(await count('inbox', { openid: target, kind: 'reminder' })).toBeGreaterThanOrEqual(1);
  });

  test('when a director names a member they do not liaise with, then it is refused and nobody is told', async () => {
    const before = await count('inbox', { openid: 'o_member_40', kind: 'reminder' });
    const res = await sys.as(DIRECTOR).call('liaison.remind', { memberIds: ['user-m40'] });
    expect(res.ok ? null : res.error.fields?.memberIds).toBe('只能提醒您联系的委员');
    expect(await count('inbox', { openid: 'o_member_40', kind: 'reminder' })).toBe(before);
  });

  test('when a member leads no group, then their list is empty', async () => {
    const grid = await sys.as(WHO.member).ok('liaison.grid', {});
    expect(grid.groups).toEqual([]);
  });
});

describe('staff', () => {
  test('when city staff filter by channel and member, then only matching records of their subtree come back', async () => {
    const res = await sys.as(WHO.cityStaff).ok('liaison.list', { memberId: 'user-m02', channel: 'face', pageSize: 50 });
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((r) => r.memberId === 'user-m02' && r.channel === 'face')).toBe(true);
    expect(res.total).toBe(await count('liaison_records', { memberId: 'user-m02', channel: 'face' }));
  });

  test('when county staff ask for a city member’s records, then none come back', async () => {
    const res = await sys.as(WHO.jingyuanStaff).ok('liaison.list', { memberId: 'user-m02' });
    expect(res.total).toBe(0);
    const own = await sys.as(WHO.jingyuanStaff).ok('liaison.list', { pageSize: 50 });
    expect(own.items.every((r) => r.memberId >= 'user-m46')).toBe(true);
  });

  test('when staff filter by date range and sector, then the range is China days and the sector holds', async () => {
    const today = chinaDay();
    const res = await sys.as(WHO.cityStaff).ok('liaison.list', { from: today, to: today, pageSize: 50 });
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((r) => new Date(Date.parse(r.date) + 8 * 3_600_000).toISOString().startsWith(today))).toBe(
      true,
    );
    const bad = await sys.as(WHO.cityStaff).call('liaison.list', { from: today, to: chinaDay(-3) });
    expect(bad.ok ? null : bad.error.fields?.to).toBe('结束日期不能早于开始日期');
  });

  test('when staff export, then the workbook holds the filtered records with real dates and the quota table', async () => {
    const res = await sys.as(WHO.cityStaff).ok('liaison.export', { memberId: 'user-m02' });
    const total = await count('liaison_records', { memberId: 'user-m02' });
    expect(res.rows).toBe(total);
    const book = readWorkbook(new Uint8Array(await (await fetch(res.url)).arrayBuffer()));
    const [recordsSheet, quotaSheet] = Object.keys(book);
    expect(recordsSheet).toBe('联系记录');
    expect(book[recordsSheet][0].slice(0, 4)).toEqual(['日期', '委员', '界别', '联系渠道']);
    expect(book[recordsSheet]).toHaveLength(total + 1);
    const first = book[recordsSheet][1][0] as { serial: number };
    expect(serialToChina(first.serial)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const quotaRows = book[quotaSheet];
    expect(quotaRows[0]).toContain('是否达标');
    expect(quotaRows.length - 1).toBe(res.members);
    expect(quotaRows.find((r) => r[0] === '王晓梅')).toBeUndefined(); // staff are not in the table
  });

  test('when an admin sets the quota, then members’ 成绩单 use it, and staff may not change it', async () => {
    const denied = await sys
      .as(WHO.cityStaff)
      .call('liaison.saveQuota', { activitiesPerQuarter: 2, personTimesPerYear: 60 });
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    const bad = await sys.as(WHO.admin).call('liaison.saveQuota', { activitiesPerQuarter: -1, personTimesPerYear: 60 });
    expect(bad.ok ? null : bad.error.fields?.activitiesPerQuarter).toBe('不能为负数');
    await sys.as(WHO.admin).ok('liaison.saveQuota', { activitiesPerQuarter: 3, personTimesPerYear: 80 });
    const card = await sys.as(WHO.member).ok('liaison.scorecard', {});
    expect(card.quota).toEqual({ activitiesPerQuarter: 3, personTimesPerYear: 80 });
    const county = await sys.as(WHO.huiningStaff).ok('liaison.getQuota', {});
    expect(county).toMatchObject({ custom: false, quota: { activitiesPerQuarter: 3 } });
    await sys.as(WHO.admin).ok('liaison.saveQuota', { activitiesPerQuarter: 1, personTimesPerYear: 50 });
  });
});
