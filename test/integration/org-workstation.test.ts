/** Workstation management and near-me (issue 5), through the org function. */
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const fields = {
  name: '会师镇西关社区委员工作站',
  kind: 'station' as const,
  address: '甘肃省白银市会宁县会师镇西关社区服务中心',
  location: { lat: 35.699, lng: 105.046 },
  openingHours: '周一至周五 9:00-17:00',
  headName: '李春梅',
  memberIds: ['user-m31', 'user-m34'],
};

test('when staff create a workstation in scope, then it is stored with a ≤ 32-character scene and the default radius', async () => {
  const res = await sys.as(WHO.huiningStaff).ok('org.createWorkstation', { unitId: 'u-huining', ...fields });
  expect(res.scene.length).toBeLessThanOrEqual(32);
  const { data } = await sys.db.collection('workstations').doc(res._id).get();
  expect(data).toMatchObject({
    ...fields,
    radius: 200,
    unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
    scene: res.scene,
  });
  const byScene = await sys.as('o_someone').ok('org.getWorkstation', { scene: res.scene });
  expect(byScene._id).toBe(res._id);
});

test('when the input is bad, then every field says what is wrong and nothing is stored', async () => {
  const before = (await sys.db.collection('workstations').count()).total;
  const res = await sys.as(WHO.huiningStaff).call('org.createWorkstation', {
    unitId: 'u-huining',
    ...fields,
    name: '',
    radius: 10,
    location: { lat: 200, lng: 0 },
  });
  expect(res).toMatchObject({
    ok: false,
    error: {
      code: 'VALIDATION',
      fields: { name: '请填写名称', radius: '签到半径至少 50 米', 'location.lat': '位置无效' },
    },
  });
  const stranger = await sys
    .as(WHO.huiningStaff)
    .call('org.createWorkstation', { unitId: 'u-huining', ...fields, memberIds: ['user-m50'] });
  expect(stranger).toMatchObject({ ok: false, error: { fields: { memberIds: '所选委员不存在或不属于本单位' } } });
  expect((await sys.db.collection('workstations').count()).total).toBe(before);
});

test('when staff edit a workstation, then the change is stored and audited; out of scope it is FORBIDDEN', async () => {
  await sys.as(WHO.huiningStaff).ok('org.updateWorkstation', {
    workstationId: 'ws-guochengyi',
    ...fields,
    name: '郭城驿镇委员工作站（新址）',
    radius: 300,
  });
  const detail = await sys.as(WHO.huiningStaff).ok('org.workstationDetail', { workstationId: 'ws-guochengyi' });
  expect(detail).toMatchObject({ name: '郭城驿镇委员工作站（新址）', radius: 300, scene: 'ws=guochengyi' });
  expect(detail.members.map((m) => m._id)).toEqual(['user-m31', 'user-m34']);
  const { data } = await sys.db.collection('audit').where({ target: 'workstations/ws-guochengyi' }).limit(5).get();
  expect(data).toHaveLength(1);
  const out = await sys
    .as(WHO.jingyuanStaff)
    .call('org.updateWorkstation', { workstationId: 'ws-guochengyi', ...fields });
  expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('when staff give a station a phone, then citizens see it; a number that is neither a landline nor a mobile is refused', async () => {
  const bad = await sys
    .as(WHO.huiningStaff)
    .call('org.updateWorkstation', { workstationId: 'ws-guochengyi', ...fields, phone: '3221234' });
  expect(bad).toMatchObject({
    ok: false,
    error: { fields: { phone: '请填写带区号的座机（如 0943-3221234）或手机号' } },
  });
  for (const phone of ['0943-3221234', '13893012345']) {
    await sys.as(WHO.huiningStaff).ok('org.updateWorkstation', { workstationId: 'ws-guochengyi', ...fields, phone });
    const page = await sys.as('o_someone').ok('org.getWorkstation', { workstationId: 'ws-guochengyi' });
    expect(page).toMatchObject({ phone, photoUrl: '' });
  }
});

test('when staff ask for the QR code, then a PNG comes back for the station scene', async () => {
  const qr = await sys.as(WHO.huiningStaff).ok('org.workstationQr', { workstationId: 'ws-huishi' });
  expect(qr.png).toMatch(/^data:image\/png;base64,iVBOR/);
  expect(qr.scene).toBe('ws=huishi');
});

test('when someone near 会师镇 asks for nearby stations, then they come nearest first with server-computed distances', async () => {
  const res = await sys.as('o_walker').ok('org.nearWorkstations', { location: { lat: 35.6925, lng: 105.053 } });
  expect(res.items[0]._id).toBe('ws-huishi');
  expect(res.items[0].distance).toBeLessThan(100);
  const d = res.items.map((w) => w.distance);
  expect(d).toEqual([...d].sort((a, b) => a - b));
  expect(res.items.some((w) => w._id === 'ws-renmin')).toBe(false); // 白银 is ~130 km away
});
