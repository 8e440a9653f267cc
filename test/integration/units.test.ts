/**
 * A person's unit (issue 18): a roster takes only members of the station's own unit, and a member
 * who becomes staff of another county keeps their own unit for their member records while their
 * staff role acts in the other.
 */
import { chinaDate } from './shifts';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const shiftsOn = async (date: string) =>
  (await sys.db.collection('shifts').where({ workstationId: 'ws-huishi', date }).count()).total as number;

test.each([
  ['a member of another county (靖远)', 'user-m50'],
  ['a member of the city, above the county', 'user-m05'],
])('when 会宁 staff roster %s at a 会宁 station, then VALIDATION and no shift', async (_, memberId) => {
  const res = await sys.as(WHO.huiningStaff).call('duty.createShift', {
    workstationId: 'ws-huishi',
    date: '2027-04-06',
    startTime: '09:00',
    endTime: '12:00',
    memberIds: ['user-m31', memberId],
  });
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { memberIds: expect.any(String) } } });
  expect(await shiftsOn('2027-04-06')).toBe(0);
});

test('when a 靖远 member binds a 会宁 staff invitation, then they act as staff in 会宁 and stay a 靖远 member', async () => {
  const inv = await sys
    .as(WHO.huiningStaff)
    .ok('account.createInvitation', { name: '两地兼任', role: 'staff', unitId: 'u-huining' });
  const me = await sys.as('o_member_51').ok('account.bindInvitation', { code: inv.code });
  expect(me).toMatchObject({
    roles: ['citizen', 'member', 'staff'],
    unit: { _id: 'u-jingyuan' },
    scopes: [{ _id: 'u-huining' }],
  });
  const { data } = await sys.db.collection('users').doc('user-m51').get();
  expect(data).toMatchObject({ unitId: 'u-jingyuan', staffUnitId: 'u-huining' });

  // As staff: 会宁's queue, not 靖远's.
  const as = sys.as('o_member_51');
  const queue = await as.ok('concern.listForStaff', { pageSize: 50 });
  expect(queue.items.length).toBeGreaterThan(0);
  const huining = await sys.db.collection('concerns').where({ unitPath: 'u-huining' }).limit(100).get();
  const ids = new Set(huining.data.map((c: { _id: string }) => c._id));
  expect(queue.items.every((c) => ids.has(c._id))).toBe(true);

  // As a member: still on 靖远's rosters, and their liaison records are 靖远's.
  await sys.as(WHO.jingyuanStaff).ok('duty.createShift', {
    workstationId: 'ws-dongwan',
    date: '2027-04-07',
    startTime: '09:00',
    endTime: '12:00',
    memberIds: ['user-m51'],
  });
  const logged = await as.ok('liaison.log', {
    date: chinaDate(new Date()),
    time: '00:05',
    channel: 'face',
    place: '靖远县东湾镇',
    personTimes: 3,
    summary: '走访群众了解灌溉用水情况。',
  });
  const record = await sys.db.collection('liaison_records').doc(logged._id).get();
  expect(record.data).toMatchObject({ unitId: 'u-jingyuan' });
});

test('when a 会宁 staff account binds a member invitation of 靖远, then they become a 靖远 member and keep their 会宁 scope', async () => {
  const staffInv = await sys
    .as(WHO.huiningStaff)
    .ok('account.createInvitation', { name: '先任职员', role: 'staff', unitId: 'u-huining' });
  await sys.as('o_staff_then_member').ok('account.bindInvitation', { code: staffInv.code });
  const memberInv = await sys
    .as(WHO.jingyuanStaff)
    .ok('account.createInvitation', { name: '先任职员', role: 'member', unitId: 'u-jingyuan' });
  const me = await sys.as('o_staff_then_member').ok('account.bindInvitation', { code: memberInv.code });
  expect(me).toMatchObject({ unit: { _id: 'u-jingyuan' }, scopes: [{ _id: 'u-huining' }] });
  const huishi = await sys.as('o_staff_then_member').ok('concern.listForStaff', { workstationId: 'ws-huishi' });
  expect(huishi.items.length).toBeGreaterThan(0);
  const jingyuan = await sys.as('o_staff_then_member').call('concern.listForStaff', { workstationId: 'ws-dongwan' });
  expect(jingyuan.ok && jingyuan.data.items).toEqual([]);
});
