/**
 * Liaison records through the real liaison function: a member logs records (with concerns raised),
 * keeps contacts, a base unit and pairings, reads their 成绩单; a director sees who is behind and
 * reminds them; staff browse, export and manage the directors' groups; the quarter-end timer
 * reminds whoever is behind once. Bad input and other people's scope change nothing. The process
 * runs in UTC (as the cloud does); quarters are China's.
 */
process.env.TZ = 'UTC';
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

describe('concerns answered on the 成绩单', () => {
  test('when a concern the member raised is assigned to them and they reply, then the 成绩单 counts it in this quarter and year, in 4 round trips', async () => {
    const before = await sys.as(WHO.member).ok('liaison.scorecard', {});
    const { concernIds } = await sys.as(WHO.member).ok(
      'liaison.log',
      record({
        place: '答复计数测试社区',
        concerns: [{ category: '民生', title: '路灯不亮需维修', text: '社区北门三盏路灯坏了一个月，夜里出行不便。' }],
      }),
    );
    const id = concernIds[0];
    await sys.as(WHO.cityStaff).ok('concern.accept', { id });
    await sys.as(WHO.cityStaff).ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
    await sys.as(WHO.member).ok('concern.start', { id });
    await sys.as(WHO.member).ok('concern.reply', { id, text: '已联系街道办，路灯本周内修复，请您留意。' });
    let card!: typeof before;
    expect(
      await roundTrips(async () => (card = await sys.as(WHO.member).ok('liaison.scorecard', {}))),
    ).toBeLessThanOrEqual(4);
    expect(card.concernsAnswered.quarter - before.concernsAnswered.quarter).toBe(1);
    expect(card.concernsAnswered.year - before.concernsAnswered.year).toBe(1);
    expect(card.quarters[card.quarter - 1].concernsAnswered).toBe(card.concernsAnswered.quarter);
    // Another member's 成绩单 does not count it.
    const other = await sys.as('o_member_05').ok('liaison.scorecard', {});
    expect(other.concernsAnswered.quarter).toBe(0);
  });

  test('when the first reply was at 23:30 on 31 March Beijing time, then it counts in Q1, not Q2', async () => {
    const year = Number(chinaDay().slice(0, 4));
    const who = 'o_member_06';
    const { concernIds } = await sys.as(who).ok(
      'liaison.log',
      record({
        concerns: [
          { category: '民生', title: '季度边界测试一', text: '用于季度边界的答复计数测试内容。' },
          { category: '民生', title: '季度边界测试二', text: '用于季度边界的答复计数测试内容。' },
        ],
      }),
    );
    const at = [new Date(`${year}-03-31T23:30:00+08:00`), new Date(`${year}-04-01T00:10:00+08:00`)];
    for (const [i, id] of concernIds.entries()) {
      await sys.db
        .collection('concerns')
        .doc(id)
        .update({ data: { assigneeOpenid: who, status: 'replied', firstRepliedAt: at[i] } });
    }
    const q1 = await sys.as(who).ok('liaison.scorecard', { year, quarter: 1 });
    expect(q1.quarters.map((q) => q.concernsAnswered).slice(0, 2)).toEqual([1, 1]);
    expect(q1.concernsAnswered).toEqual({ quarter: 1, year: 1 });
    const q2 = await sys.as(who).ok('liaison.scorecard', { year, quarter: 2 });
    expect(q2.concernsAnswered).toEqual({ quarter: 1, year: 2 });
  });
});

describe('a record raising concerns', () => {
  const raise = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      category: '民生' as const,
      title: `往返测试诉求${i + 1}`,
      text: '居民反映的问题，用于测量数据库往返次数。',
    }));

  test('when records raise none, one or three concerns, then the round trips stay the same whatever the number', async () => {
    const who = sys.as(WHO.member);
    const plain = await roundTrips(() => who.ok('liaison.log', record({ place: '往返测试一' })));
    const one = await roundTrips(() => who.ok('liaison.log', record({ place: '往返测试二', concerns: raise(1) })));
    let ids: string[] = [];
    const three = await roundTrips(async () => {
      ids = (await who.ok('liaison.log', record({ place: '往返测试三', concerns: raise(3) }))).concernIds;
    });
    console.log(`liaison.log round trips: none ${plain}, one concern ${one}, three concerns ${three}`);
    expect(plain).toBeLessThanOrEqual(3);
    expect(one).toBeLessThanOrEqual(6);
    expect(three).toBe(one);
    expect(await count('concerns', { _id: sys.db.command.in(ids), source: 'member', status: 'submitted' })).toBe(3);
  });

  test('when a record with three concerns is sent three times at once, then three concerns are stored and counted once', async () => {
    const who = sys.as('o_member_07');
    const requestId = newRequestId();
    const input = record({ place: '并发三诉求测试', concerns: raise(3) });
    const { data: users } = await sys.db.collection('users').doc('user-m07').get();
    const bucket = `ws:${(Array.isArray(users) ? users[0] : users).workstationIds[0]}`;
    const counted = async () => {
      const { data } = await sys.db.collection('concern_counters').where({ _id: bucket }).get();
      return (data[0]?.counts?.submitted as number | undefined) ?? 0;
    };
    const before = await counted();
    const answers = await Promise.all([1, 2, 3].map(() => who.ok('liaison.log', input, requestId)));
    expect(new Set(answers.map((a) => a.concernIds.join())).size).toBe(1);
    expect(await count('concerns', { _id: sys.db.command.in(answers[0].concernIds) })).toBe(3);
    expect((await counted()) - before).toBe(3);
  });
});

test('when the member’s workstation has never had a concern, then the first record raising three makes its bucket and counts all three', async () => {
  const { data: users } = await sys.db.collection('users').where({ _id: 'user-m08' }).get();
  const bucket = `ws:${users[0].workstationIds[0]}`;
  await sys.db.collection('concern_counters').where({ _id: bucket }).remove();
  const raised = [1, 2, 3].map((i) => ({
    category: '民生' as const,
    title: `首条诉求测试${i}`,
    text: '工作站第一次收到诉求时的计数测试内容。',
  }));
  const { concernIds } = await sys.as('o_member_08').ok('liaison.log', record({ concerns: raised }));
  expect(
    await count('concerns', { _id: sys.db.command.in(concernIds), workstationId: users[0].workstationIds[0] }),
  ).toBe(3);
  const { data } = await sys.db.collection('concern_counters').where({ _id: bucket }).get();
  expect(data[0].counts.submitted).toBe(3);
});

describe('staff manage the directors’ and conveners’ groups', () => {
  const city = () => sys.as(WHO.cityStaff);

  test('when city staff list the groups, then the city committees’ groups come back without openids', async () => {
    const page = await city().ok('liaison.gridGroups', { pageSize: 50 });
    expect(page.total).toBeGreaterThan(0);
    const mine = page.items.find((g) => g.leaderId === 'user-m03');
    expect(mine?.members.length).toBeGreaterThan(0);
    expect(JSON.stringify(page.items)).not.toContain('o_member_');
    const opts = await city().ok('liaison.gridOptions', {});
    expect(opts.groups.some((g) => g.kind === 'committee')).toBe(true);
    expect(opts.groups.some((g) => g.kind === 'sector' && g.unitId === 'u-huining')).toBe(true);
  });

  test('when staff add a member to a director’s group, then the director sees them, and removing takes them off', async () => {
    const group = (await city().ok('liaison.gridGroups', { pageSize: 50 })).items.find(
      (g) => g.leaderId === 'user-m03',
    )!;
    const newcomer = ['user-m20', 'user-m21', 'user-m22', 'user-m23'].find(
      (m) => !group.members.some((x) => x.userId === m),
    )!;
    const added = await city().ok('liaison.gridAdd', {
      kind: group.kind,
      groupId: group.groupId,
      leaderId: 'user-m03',
      memberIds: [newcomer, group.members[0].userId],
    });
    expect(added).toEqual({ _id: group._id, added: 1 });
    const seen = await sys.as(DIRECTOR).ok('liaison.grid', {});
    expect(seen.groups.find((g) => g._id === group._id)?.members.some((m) => m.userId === newcomer)).toBe(true);
    expect(await city().ok('liaison.gridRemove', { id: group._id, memberId: newcomer })).toEqual({ removed: true });
    const after = await sys.as(DIRECTOR).ok('liaison.grid', {});
    expect(after.groups.find((g) => g._id === group._id)?.members.some((m) => m.userId === newcomer)).toBe(false);
    const audit = await count('audit', { target: `liaison_grid/${group._id}` });
    expect(audit).toBeGreaterThanOrEqual(2);
  });

  test('when county staff make a convener’s group, then it is theirs; the last member leaving removes it', async () => {
    const hn = sys.as(WHO.huiningStaff);
    const res = await hn.ok('liaison.gridAdd', {
      kind: 'sector',
      groupId: 'sec-huining-1',
      leaderId: 'user-m33',
      memberIds: ['user-m34', 'user-m35'],
    });
    const groups = await hn.ok('liaison.gridGroups', {});
    expect(groups.items.find((g) => g._id === res._id)).toMatchObject({ leaderId: 'user-m33', kind: 'sector' });
    const grid = await sys.as('o_member_33').ok('liaison.grid', {});
    expect(grid.groups.flatMap((g) => g.members.map((m) => m.userId))).toEqual(
      expect.arrayContaining(['user-m34', 'user-m35']),
    );
    // Not the other county's to change.
    const denied = await sys.as(WHO.jingyuanStaff).call('liaison.gridRemove', { id: res._id, memberId: 'user-m34' });
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    await hn.ok('liaison.gridRemove', { id: res._id, memberId: 'user-m34' });
    await hn.ok('liaison.gridRemove', { id: res._id, memberId: 'user-m35' });
    expect(await count('liaison_grid', { _id: res._id })).toBe(0);
  });

  test.each([
    [
      'a member of another county',
      { kind: 'sector', groupId: 'sec-huining-1', leaderId: 'user-m33', memberIds: ['user-m50'] },
      'memberIds',
      '只能选择',
    ],
    [
      'the leader among the members',
      { kind: 'sector', groupId: 'sec-huining-1', leaderId: 'user-m33', memberIds: ['user-m33'] },
      'memberIds',
      '本人',
    ],
    [
      'a leader who is staff, not a member',
      { kind: 'sector', groupId: 'sec-huining-1', leaderId: 'user-staff-huining', memberIds: ['user-m34'] },
      'leaderId',
      '委员',
    ],
    [
      'nobody to add',
      { kind: 'sector', groupId: 'sec-huining-1', leaderId: 'user-m33', memberIds: [] },
      'memberIds',
      '请选择',
    ],
  ])('when staff add %s, then VALIDATION names the field and nothing is stored', async (_w, input, field, message) => {
    const before = await count('liaison_grid', { leaderId: input.leaderId });
    const res = await sys.as(WHO.huiningStaff).call('liaison.gridAdd', input as never);
    expect(res.ok ? null : res.error.code).toBe('VALIDATION');
    expect(res.ok ? '' : res.error.fields?.[field]).toContain(message);
    expect(await count('liaison_grid', { leaderId: input.leaderId })).toBe(before);
  });

  test('when county staff add to a city committee’s group, or a member tries, then it is FORBIDDEN', async () => {
    const committee = (await city().ok('liaison.gridOptions', {})).groups.find((g) => g.kind === 'committee')!;
    const input = { kind: 'committee' as const, groupId: committee._id, leaderId: 'user-m03', memberIds: ['user-m20'] };
    for (const who of [WHO.huiningStaff, WHO.member]) {
      const res = await sys.as(who).call('liaison.gridAdd', input);
      expect(res.ok ? null : res.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('the quarter-end reminder timer', () => {
  const timerAt = (at: Date) =>
    sys.emulator.fireTimer('liaison', 'quarterEndReminder', at) as Promise<{
      ok: boolean;
      data: { year: number; quarter: number; daysLeft: number; behind: number; reminded: number };
    }>;
  /** 09:00 Beijing time on a China day `days` before the current quarter ends. */
  const beforeQuarterEnd = (days: number) => {
    const china = new Date(Date.now() + 8 * 3_600_000);
    const endMonth = Math.floor(china.getUTCMonth() / 3) * 3 + 3;
    const end = Date.UTC(china.getUTCFullYear(), endMonth, 1) - 8 * 3_600_000;
    return new Date(end - days * 86_400_000 + 9 * 3_600_000);
  };

  test('when it fires before the last 15 days, then nobody is reminded', async () => {
    const res = await timerAt(beforeQuarterEnd(40));
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ reminded: 0 });
    expect(res.data.daysLeft).toBeGreaterThan(15);
  });

  test('when it fires in the last 15 days, again and again, then each member behind gets one reminder for the quarter', async () => {
    const at = beforeQuarterEnd(10);
    const first = await timerAt(at);
    expect(first.ok).toBe(true);
    expect(first.data.daysLeft).toBe(10);
    expect(first.data.behind).toBeGreaterThan(0);
    expect(first.data.reminded).toBe(first.data.behind);
    const again = await timerAt(new Date(at.getTime() + 86_400_000));
    expect(again.data).toMatchObject({ behind: first.data.behind, reminded: 0 });
    // Fired on demand as the platform does (now): whatever the day, nobody is told twice.
    expect(await sys.emulator.fireTimer('liaison', 'quarterEndReminder')).toMatchObject({ ok: true });
    const behind = (await sys.as(DIRECTOR).ok('liaison.grid', {})).groups
      .flatMap((g) => g.members)
      .find((m) => m.behind)!;
    const openid = `o_member_${behind.userId.slice('user-m'.length)}`;
    const items = (await sys.db.collection('inbox').where({ openid }).limit(100).get()).data as {
      _id: string;
      body: string;
      page: string;
    }[];
    const quarterly = items.filter((i) => i._id.startsWith('liaison-quarter-'));
    expect(quarterly.map((i) => i._id)).toEqual([
      `liaison-quarter-${first.data.year}q${first.data.quarter}-${behind.userId}`,
    ]);
    expect(quarterly[0].body).toContain('本季度还剩 10 天');
    expect(quarterly[0].page).toBe('/member/record/index');
  });
});
