/**
 * Moving a unit that has people, stations and records (issue 17): the move is recorded, its
 * records are re-pathed in pages by chained runs, a run that dies part-way is carried on by a
 * retry and the timer, and scope follows the new path.
 */
import { planFault } from '../../emulator/db/faults';
import { REPATH_STEPS } from '../../cloudfunctions/admin/domain/repath';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
const GANSU_ADMIN = 'o_admin_gansu_move';
const DINGXI_STAFF = 'o_staff_dingxi_move';
let dingxi: string;

beforeAll(async () => {
  sys = await startSystem();
  await sys.db.collection('users').add({
    data: {
      _id: 'user-admin-gansu-move',
      openid: GANSU_ADMIN,
      name: '省管理员',
      roles: ['admin'],
      unitId: 'u-gansu',
      unitPath: ['u-gansu'],
      createdAt: new Date(),
    },
  });
  dingxi = (await sys.as(GANSU_ADMIN).ok('admin.createUnit', { parentId: 'u-gansu', name: '政协定西市委员会' }))._id;
  const inv = await sys
    .as(GANSU_ADMIN)
    .ok('account.createInvitation', { name: '定西干部', role: 'staff', unitId: dingxi });
  await sys.as(DINGXI_STAFF).ok('account.bindInvitation', { code: inv.code });
}, 60_000);
afterAll(() => sys.stop());

const _ = () => sys.db.command;
/** Records of every step whose path field holds all of `ids`. */
async function carrying(...ids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { collection, field } of REPATH_STEPS) {
    const where = _().and(ids.map((id) => ({ [field]: id })));
    const { total } = await sys.db.collection(collection).where(where).count();
    if (total) out[`${collection}.${field}`] = total;
  }
  return out;
}
const unit = async (id: string) => (await sys.db.collection('org_units').doc(id).get()).data;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

test('when 会宁 (people, stations, concerns, shifts) moves to another city and its run dies part-way, then a retry and the timer finish it, every record carries the new path and scope follows', async () => {
  const before = await carrying('u-huining');
  for (const key of ['users.unitPath', 'workstations.unitPath', 'concerns.unitPath', 'shifts.unitPath']) {
    expect(before[key]).toBeGreaterThan(0);
  }
  const { data: huiningConcerns } = await sys.db
    .collection('concerns')
    .where({ unitPath: 'u-huining' })
    .field({ _id: true })
    .limit(1000)
    .get();
  const inHuining = new Set(huiningConcerns.map((c: { _id: string }) => c._id));
  const baiyinSeesBefore = (await sys.as(WHO.cityStaff).ok('concern.listForStaff', { pageSize: 50 })).items;
  expect(baiyinSeesBefore.some((c) => inHuining.has(c._id))).toBe(true);
  const { name } = await unit('u-huining');

  // The instance dies at its 16th database request, after the move is recorded, while re-pathing.
  const admin = sys.as(GANSU_ADMIN);
  const requestId = newRequestId();
  const input = { unitId: 'u-huining', parentId: dingxi };
  planFault({ fn: 'admin', n: 16, when: 'kill' });
  await expect(admin.call('admin.moveUnit', input, requestId)).rejects.toThrow();
  expect(planFault(null)).toBe(true);
  expect(await unit('u-huining')).toMatchObject({ parentId: dingxi, path: ['u-gansu', dingxi, 'u-huining'] });
  expect(sum(await carrying('u-huining', 'u-baiyin'))).toBeGreaterThan(0);

  // Meanwhile the console shows 迁移中, and another move of it is refused in Chinese.
  const tree = await admin.ok('admin.orgTree', {});
  expect(tree.items.find((u) => u._id === 'u-huining')?.moving).toMatchObject({ steps: 2 * REPATH_STEPS.length });
  expect(await admin.call('admin.moveUnit', { unitId: 'u-huining', parentId: 'u-baiyin' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: `「${name}」正在迁移中，完成后才能再调整上级单位` },
  });

  // The client retries the same request; the minute timer takes up whatever is left.
  expect(await admin.ok('admin.moveUnit', input, requestId)).toMatchObject({ _id: 'u-huining' });
  for (let i = 0; i < 30 && (await unit('u-huining')).moving; i++) await sys.emulator.fireTimer('admin', 'repathWork');
  expect((await unit('u-huining')).moving).toBeNull();

  // Every record that carried 会宁 carries it under 定西 now, and none under 白银.
  expect(await carrying('u-huining', 'u-baiyin')).toEqual({});
  // (The log has two entries more: the move and its completion, filed under the new path.)
  expect(await carrying('u-huining', dingxi)).toEqual({
    ...before,
    'audit.unitPath': (before['audit.unitPath'] ?? 0) + 2,
  });
  const { data: staff } = await sys.db.collection('users').where({ openid: WHO.huiningStaff }).get();
  expect(staff[0].unitPath).toEqual(['u-gansu', dingxi, 'u-huining']);

  // Scope follows: 定西's staff see 会宁's concerns, 白银's no longer do.
  const dingxiSees = (await sys.as(DINGXI_STAFF).ok('concern.listForStaff', { pageSize: 50 })).items;
  expect(dingxiSees.length).toBeGreaterThan(0);
  expect(dingxiSees.every((c) => inHuining.has(c._id))).toBe(true);
  const baiyinSees = (await sys.as(WHO.cityStaff).ok('concern.listForStaff', { pageSize: 50 })).items;
  expect(baiyinSees.some((c) => inHuining.has(c._id))).toBe(false);

  // Audited: the move (once, though it was asked twice) and its completion.
  const moves = (await sys.db.collection('audit').where({ target: 'org_units/u-huining' }).get()).data.filter(
    (e: { action: string }) => e.action === 'admin.moveUnit',
  );
  expect(moves.map((e: { after: unknown }) => e.after)).toEqual(
    expect.arrayContaining([{ parentId: dingxi }, { status: '迁移完成' }]),
  );
  expect(moves).toHaveLength(2);

  // Lists follow the tree too: 会宁 has none of its own, so it shows 定西's, named as inherited.
  await admin.ok('admin.saveUnitLists', { unitId: dingxi, categories: ['民生', '生态环境'], occasions: ['春节前后'] });
  expect(await admin.ok('admin.orgDetail', { unitId: 'u-huining' })).toMatchObject({
    custom: false,
    inheritedFrom: '政协定西市委员会',
    categories: ['民生', '生态环境'],
    occasions: ['春节前后'],
  });
}, 120_000);
