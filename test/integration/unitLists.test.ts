/**
 * A unit's own concern categories and 八必访 occasions (issue 17), through the real functions: an
 * admin saves 会宁's lists; submissions there are checked against them (a built-in entry the unit
 * removed is refused in Chinese and nothing is stored), while 白银 (no list) keeps the built-in
 * ones. The forms are answered the same lists.
 */
import { arrangeShift } from './shifts';
import { startSystem, WHO, type System } from './system';

let sys: System;
const HUINING_MEMBER = 'o_unitlists_member';
beforeAll(async () => {
  sys = await startSystem();
  const inv = await sys
    .as(WHO.admin)
    .ok('account.createInvitation', { name: '会宁测试委员', role: 'member', unitId: 'u-huining' });
  await sys.as(HUINING_MEMBER).ok('account.bindInvitation', { code: inv.code });
  await sys.as(WHO.admin).ok('admin.saveUnitLists', {
    unitId: 'u-huining',
    categories: ['民生', '乡村振兴'],
    occasions: ['春节前后', '汛期'],
  });
}, 60_000);
afterAll(() => sys.stop());

const count = async (collection: string, where: object) =>
  (await sys.db.collection(collection).where(where).count()).total as number;
const concern = (workstationId: string, category: string, title: string) => ({
  workstationId,
  category,
  title,
  text: '村里通往镇上的道路坑洼很多，雨天积水严重，希望尽快修补。',
  consent: true as const,
});
const chinaDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const record = (over: object = {}) => ({
  date: chinaDay(),
  time: '00:05',
  channel: 'face' as const,
  place: '会师镇西关社区',
  personTimes: 8,
  summary: '汛期前走访沿河村民，了解防汛准备情况。',
  ...over,
});

describe('concern categories', () => {
  test('when a citizen submits to a station of 会宁 with one of its own categories, then it is stored', async () => {
    const res = await sys.as(WHO.citizen).ok('concern.submit', concern('ws-huishi', '乡村振兴', '村道硬化申请进展'));
    const stored = (await sys.db.collection('concerns').where({ _id: res._id }).get()).data[0];
    expect(stored).toMatchObject({ category: '乡村振兴', unitId: 'u-huining' });
  });

  test('when a citizen submits to 会宁 with a built-in category it removed, then it is refused in Chinese and nothing is stored', async () => {
    const res = await sys.as(WHO.citizen).call('concern.submit', concern('ws-huishi', '教育', '学校门口缺少斑马线'));
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { category: '「教育」不是本单位的诉求类别，请重新选择' } },
    });
    expect(await count('concerns', { unitPath: 'u-gansu', title: '学校门口缺少斑马线' })).toBe(0);
  });

  test('when a station of 会宁 receives its first concern ever, then its new counter carries the unit’s list', async () => {
    await sys.db.collection('concern_counters').where({ _id: 'ws:ws-guochengyi' }).remove();
    const refused = await sys
      .as(WHO.citizen)
      .call('concern.submit', concern('ws-guochengyi', '文化', '文化广场缺少路灯'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await count('concern_counters', { _id: 'ws:ws-guochengyi' })).toBe(0);
    await sys.as(WHO.citizen).ok('concern.submit', concern('ws-guochengyi', '乡村振兴', '村里产业路需要拓宽'));
    const bucket = (await sys.db.collection('concern_counters').where({ _id: 'ws:ws-guochengyi' }).get()).data[0];
    expect(bucket.categories).toEqual(['民生', '乡村振兴']);
  });

  test('when a citizen submits to 白银 (no list of its own), then the built-in categories apply', async () => {
    await sys.as(WHO.citizen).ok('concern.submit', concern('ws-renmin', '教育', '校车接送时间不合理'));
    expect(await count('concerns', { unitPath: 'u-gansu', title: '校车接送时间不合理' })).toBe(1);
    const res = await sys.as(WHO.citizen).call('concern.submit', concern('ws-renmin', '乡村振兴', '城区道路需要修补'));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { category: expect.any(String) } } });
    expect(await count('concerns', { unitPath: 'u-gansu', title: '城区道路需要修补' })).toBe(0);
  });

  test('when staff filter the queue, then they are offered the categories of their subtree’s units', async () => {
    const huining = await sys.as(WHO.huiningStaff).ok('concern.listForStaff', { category: '乡村振兴' });
    expect(huining.categories).toEqual(['民生', '乡村振兴']);
    expect(huining.items.map((c) => c.category)).toContain('乡村振兴');
    const city = await sys.as(WHO.cityStaff).ok('concern.listForStaff', {});
    expect(city.categories).toEqual(expect.arrayContaining(['教育', '乡村振兴']));
  });

  test('when the concern form opens a station, then it is offered that unit’s categories', async () => {
    const huishi = await sys.as(WHO.citizen).ok('org.getWorkstation', { workstationId: 'ws-huishi' });
    expect(huishi).toMatchObject({ unitName: expect.any(String), categories: ['民生', '乡村振兴'] });
    const renmin = await sys.as(WHO.citizen).ok('org.getWorkstation', { workstationId: 'ws-renmin' });
    expect(renmin.categories).toContain('教育');
  });
});

describe('a concern recorded at a duty reception', () => {
  test('when a member on duty at 会宁 records one under a removed category, then it is refused on that field and nothing is stored', async () => {
    const { data: users } = await sys.db.collection('users').where({ openid: HUINING_MEMBER }).limit(1).get();
    const location = { lat: 35.6927, lng: 105.0536 };
    const station = {
      id: 'ws-huishi',
      name: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      location,
    };
    const start = new Date(Date.now() - 10 * 60_000);
    await arrangeShift(sys, station, { id: 'ul-shift', start, end: new Date(start.getTime() + 2 * 3_600_000) }, [
      { userId: users[0]._id, openid: HUINING_MEMBER },
    ]);
    await sys.as(HUINING_MEMBER).ok('duty.signIn', { shiftId: 'ul-shift', location });
    const res = await sys.as(HUINING_MEMBER).call('duty.recordReception', {
      shiftId: 'ul-shift',
      people: 1,
      topic: '反映学校问题',
      consent: true,
      concerns: [{ category: '教育', title: '学校操场需要翻修', text: '学校操场坑洼不平，学生上体育课容易摔倒。' }],
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'concerns.0.category': expect.stringContaining('教育') } },
    });
    expect(await count('receptions', { shiftId: 'ul-shift' })).toBe(0);
    expect(await count('concerns', { unitPath: 'u-gansu', title: '学校操场需要翻修' })).toBe(0);
  });
});

describe('八必访 occasions', () => {
  test('when a member of 会宁 logs a record at one of its own occasions, then it is stored as worded', async () => {
    const res = await sys.as(HUINING_MEMBER).ok('liaison.log', record({ occasion: '汛期' }));
    const stored = (await sys.db.collection('liaison_records').where({ _id: res._id }).get()).data[0];
    expect(stored).toMatchObject({ occasion: '汛期', unitId: 'u-huining' });
  });

  test('when a member of 会宁 logs a built-in occasion or a removed category, then it is refused and nothing is stored', async () => {
    const before = await count('liaison_records', { unitPath: 'u-huining' });
    const res = await sys.as(HUINING_MEMBER).call('liaison.log', record({ occasion: 'demand' }));
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { occasion: expect.stringContaining('八必访') } },
    });
    const raised = await sys.as(HUINING_MEMBER).call(
      'liaison.log',
      record({
        concerns: [{ category: '教育', title: '学校食堂需要改造', text: '家长反映学校食堂太小，学生排队时间长。' }],
      }),
    );
    expect(raised).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'concerns.0.category': expect.stringContaining('教育') } },
    });
    expect(await count('liaison_records', { unitPath: 'u-huining' })).toBe(before);
    expect(await count('concerns', { unitPath: 'u-gansu', title: '学校食堂需要改造' })).toBe(0);
  });

  test('when a member of 白银 (no list) logs a built-in occasion, then it is stored, and a 会宁 wording is refused', async () => {
    const res = await sys.as(WHO.member).ok('liaison.log', record({ occasion: 'festival' }));
    const stored = (await sys.db.collection('liaison_records').where({ _id: res._id }).get()).data[0];
    expect(stored).toMatchObject({ occasion: 'festival' });
    const refused = await sys.as(WHO.member).call('liaison.log', record({ occasion: '汛期', place: '不应保存的地点' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await count('liaison_records', { unitPath: 'u-gansu', place: '不应保存的地点' })).toBe(0);
  });

  test('when staff filter records by occasion, then they are offered their subtree’s occasions and can filter by one of its own', async () => {
    const huining = await sys.as(WHO.huiningStaff).ok('liaison.list', { occasion: '汛期' });
    expect(huining.occasions).toEqual([
      { value: '春节前后', label: '春节前后' },
      { value: '汛期', label: '汛期' },
    ]);
    expect(huining.items.length).toBeGreaterThan(0);
    expect(huining.items.every((r) => r.occasion === '汛期')).toBe(true);
    const city = await sys.as(WHO.cityStaff).ok('liaison.list', {});
    expect(city.occasions.map((o) => o.value)).toEqual(expect.arrayContaining(['demand', '汛期']));
  });

  test('when the record form opens, then it is offered the member’s unit’s occasions and categories', async () => {
    const own = await sys.as(HUINING_MEMBER).ok('liaison.formOptions', {});
    expect(own.occasions).toEqual([
      { value: '春节前后', label: '春节前后' },
      { value: '汛期', label: '汛期' },
    ]);
    expect(own.categories).toEqual(['民生', '乡村振兴']);
    const builtIn = await sys.as(WHO.member).ok('liaison.formOptions', {});
    expect(builtIn.occasions).toContainEqual({ value: 'demand', label: '群众提出重要诉求建议时' });
  });
});
