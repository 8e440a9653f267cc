import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

test('when the public lists workstations, then they come a page at a time with the total', async () => {
  const first = await sys.as(WHO.citizen).ok('org.listWorkstations', { pageSize: 5 });
  expect(first.total).toBe(12);
  expect(first.items).toHaveLength(5);
  const third = await sys.as(WHO.citizen).ok('org.listWorkstations', { page: 3, pageSize: 5 });
  expect(third.items).toHaveLength(2);
  const county = await sys.as(WHO.citizen).ok('org.listWorkstations', { unitId: 'u-huining' });
  expect(county.items.map((w) => w.name)).toEqual(expect.arrayContaining(['会师镇委员工作站', '郭城驿镇委员工作站']));
  expect(county.total).toBe(3);
});

test('when a QR scene is opened, then it finds its workstation; an unknown one is explained', async () => {
  const w = await sys.as(WHO.citizen).ok('org.getWorkstation', { scene: 'ws=huishi' });
  expect(w).toMatchObject({ name: '会师镇委员工作站', unitName: '政协会宁县委员会', kind: 'station' });
  const missing = await sys.as(WHO.citizen).call('org.getWorkstation', { scene: 'ws=nowhere' });
  expect(missing).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: expect.stringContaining('没有找到这个工作站') },
  });
});

test('when staff list units, then they get their subtree only; a citizen is refused', async () => {
  const city = await sys.as(WHO.cityStaff).ok('org.listUnits', {});
  expect(city.items.map((u) => u._id).sort()).toEqual(['u-baiyin', 'u-huining', 'u-jingyuan']);
  const county = await sys.as(WHO.huiningStaff).ok('org.listUnits', {});
  expect(county.items.map((u) => u._id)).toEqual(['u-huining']);
  expect(await sys.as(WHO.citizen).call('org.listUnits', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('when a unit lists its sectors, then the city has the full list of 29 in order', async () => {
  const { items } = await sys.as(WHO.citizen).ok('org.listSectors', { unitId: 'u-baiyin' });
  expect(items).toHaveLength(29);
  expect(items[0].name).toBe('中共');
  expect(items.map((s) => s.name)).toContain('特邀澳门人士');
});

test('when a function or action does not exist, then the answer says so', async () => {
  const res = await sys.emulator.callFunction('org', { action: 'explode', input: {} }, WHO.citizen);
  expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未知的操作：org.explode' } });
  const fn = await sys.emulator.callFunction('nosuchfn', { action: 'x', input: {} }, WHO.citizen);
  expect(fn).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
