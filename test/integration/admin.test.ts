/**
 * The admin console (issue 17) through the real functions: units, sectors and committees,
 * accounts, 换届 and the audit log, each with its scope. The import has its own file.
 */
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
/** An admin of 靖远 only, invited by the city admin. */
const JINGYUAN_ADMIN = 'o_admin_jingyuan_test';
beforeAll(async () => {
  sys = await startSystem();
  const inv = await sys
    .as(WHO.admin)
    .ok('account.createInvitation', { name: '靖远管理员', role: 'admin', unitId: 'u-jingyuan' });
  await sys.as(JINGYUAN_ADMIN).ok('account.bindInvitation', { code: inv.code });
}, 60_000);
afterAll(() => sys.stop());

const doc = async (collection: string, id: string) =>
  (await sys.db.collection(collection).where({ _id: id }).limit(1).get()).data[0];

describe('units', () => {
  test('when the city admin creates, renames and retires a county, then the tree shows it and the audit has each step', async () => {
    const admin = sys.as(WHO.admin);
    const requestId = newRequestId();
    const { _id } = await admin.ok('admin.createUnit', { parentId: 'u-baiyin', name: '政协平川区委员会' }, requestId);
    // A retry stores nothing twice and answers the same.
    expect(await admin.ok('admin.createUnit', { parentId: 'u-baiyin', name: '政协平川区委员会' }, requestId)).toEqual({
      _id,
    });
    expect(await doc('org_units', _id)).toMatchObject({
      level: 'county',
      parentId: 'u-baiyin',
      path: ['u-gansu', 'u-baiyin', _id],
    });
    expect(
      (await sys.db.collection('org_units').where({ path: 'u-baiyin', name: '政协平川区委员会' }).count()).total,
    ).toBe(1);

    await admin.ok('admin.renameUnit', { unitId: _id, name: '政协平川区委员会（新）' });
    const retired = await admin.ok('admin.retireUnit', { unitId: _id });
    expect(retired).toMatchObject({ units: 1 });
    const tree = await admin.ok('admin.orgTree', {});
    expect(tree.items.find((u) => u._id === _id)).toMatchObject({ name: '政协平川区委员会（新）', retired: true });

    // Read-only from now on: its changes are refused in Chinese, and nothing is stored.
    const sector = await admin.call('admin.saveSector', { unitId: _id, name: '文艺界' });
    expect(sector).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('已撤销') },
    });
    expect((await sys.db.collection('sectors').where({ unitId: _id }).count()).total).toBe(0);
    // Nor offered for invitations any more.
    expect((await admin.ok('org.listUnits', {})).items.map((u) => u._id)).not.toContain(_id);

    const log = await admin.ok('admin.auditLog', { pageSize: 50 });
    const mine = log.items.filter((e) => e.target === `org_units/${_id}`).map((e) => e.actionLabel);
    expect(mine).toEqual(['撤销单位', '单位改名', '新建单位']);
    const rename = log.items.find((e) => e.action === 'admin.renameUnit')!;
    expect(rename).toMatchObject({ actorName: '陈志刚', before: 'name：政协平川区委员会' });
  });

  test('when a unit is retired, then its staff still read but every change of theirs is refused in Chinese', async () => {
    const admin = sys.as(WHO.admin);
    const { _id } = await admin.ok('admin.createUnit', { parentId: 'u-baiyin', name: '政协景泰县委员会' });
    const inv = await admin.ok('account.createInvitation', { name: '景泰干部', role: 'staff', unitId: _id });
    const staff = sys.as('o_staff_jingtai_test');
    await staff.ok('account.bindInvitation', { code: inv.code });
    await staff.ok('account.createInvitation', { name: '景泰委员', role: 'member', unitId: _id });
    await admin.ok('admin.retireUnit', { unitId: _id });

    const invitations = async () =>
      (await sys.db.collection('invitations').where({ unitPath: _id }).count()).total as number;
    const before = await invitations();
    expect(
      await staff.call('account.createInvitation', { name: '再邀一人', role: 'member', unitId: _id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '所在单位已撤销，记录仅供查阅，不能再作更改' },
    });
    expect(await invitations()).toBe(before);
    expect((await staff.ok('account.listInvitations', {})).total).toBe(before);
  });

  test('when a county is created under a county or with a bad name, then a Chinese message says why and nothing is stored', async () => {
    const admin = sys.as(WHO.admin);
    const before = (await sys.db.collection('org_units').count()).total;
    expect(await admin.call('admin.createUnit', { parentId: 'u-huining', name: '某乡' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { parentId: '县级单位下不能再设下级单位' } },
    });
    expect(await admin.call('admin.createUnit', { parentId: 'u-baiyin', name: '政协会宁县委员会' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { name: '已有同名单位' } },
    });
    expect(await admin.call('admin.createUnit', { parentId: 'u-baiyin', name: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: expect.stringContaining('单位名称') } },
    });
    expect((await sys.db.collection('org_units').count()).total).toBe(before);
  });

  test('when an empty county moves to another city, then its path follows; one under a province is refused', async () => {
    const admin = sys.as(WHO.admin);
    // 白银 is the admin's scope: a new city beside it lies outside, so the move target is a city inside.
    const county = await admin.ok('admin.createUnit', { parentId: 'u-baiyin', name: '政协白银区委员会' });
    expect(await admin.call('admin.moveUnit', { unitId: county._id, parentId: 'u-gansu' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '新的上级单位不在您的管辖范围内' },
    });
    const gansuAdmin = 'o_admin_gansu_test';
    await sys.db.collection('users').add({
      data: {
        _id: 'user-admin-gansu',
        openid: gansuAdmin,
        name: '省管理员',
        roles: ['admin'],
        unitId: 'u-gansu',
        unitPath: ['u-gansu'],
        createdAt: new Date(),
      },
    });
    const city = await sys.as(gansuAdmin).ok('admin.createUnit', { parentId: 'u-gansu', name: '政协定西市委员会' });
    await sys.as(gansuAdmin).ok('admin.moveUnit', { unitId: county._id, parentId: city._id });
    expect(await doc('org_units', county._id)).toMatchObject({
      parentId: city._id,
      path: ['u-gansu', city._id, county._id],
    });
    // While a unit above it (or above the new parent) is being moved, it waits.
    await sys.db
      .collection('org_units')
      .doc('u-baiyin')
      .update({ data: { moving: { startedAt: new Date(), step: 0, steps: 1, pass: 0, done: 0 } } });
    expect(await sys.as(gansuAdmin).call('admin.moveUnit', { unitId: county._id, parentId: 'u-baiyin' })).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_STATE', message: expect.stringContaining('「政协白银市委员会」正在迁移中') },
      },
    );
    expect(await doc('org_units', county._id)).toMatchObject({ parentId: city._id });
    await sys.db
      .collection('org_units')
      .doc('u-baiyin')
      .update({ data: { moving: null } });
    // A county cannot sit under a province (a county with people moves too: admin-move.test.ts).
    expect(await sys.as(gansuAdmin).call('admin.moveUnit', { unitId: county._id, parentId: 'u-gansu' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { parentId: '县级单位只能放在市级单位之下' } },
    });
  });

  test('when a county admin acts outside their county, then they are refused and nothing changes', async () => {
    const county = sys.as(JINGYUAN_ADMIN);
    expect(await county.call('admin.renameUnit', { unitId: 'u-huining', name: '改名' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await county.call('admin.createUnit', { parentId: 'u-baiyin', name: '越权县' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await county.call('admin.retireUnit', { unitId: 'u-jingyuan' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能撤销您本人所在的单位' },
    });
    expect((await county.ok('admin.orgTree', {})).items.map((u) => u._id)).toEqual(['u-jingyuan']);
    expect(await doc('org_units', 'u-huining')).toMatchObject({ name: '政协会宁县委员会' });
  });
});

test.each([
  ['admin.saveSector', { unitId: 'u-huining', name: '越权界' }],
  ['admin.saveCommittee', { unitId: 'u-huining', name: '越权委员会', sectorIds: [], workstationIds: [] }],
  ['admin.linkWorkstation', { workstationId: 'ws-huishi', sectorIds: [] }],
  ['admin.saveUnitLists', { unitId: 'u-huining', categories: ['民生'], occasions: ['汛期'] }],
  ['admin.orgDetail', { unitId: 'u-huining' }],
  ['admin.termPreview', { unitId: 'u-huining' }],
  ['admin.endTerm', { unitId: 'u-huining', term: '越权届', count: 1 }],
  ['admin.importPreview', { unitId: 'u-huining', file: 'UEsDBBQAAAAIAAAAAAAAAAAAAAAA' }],
  ['admin.importCommit', { unitId: 'u-huining', file: 'UEsDBBQAAAAIAAAAAAAAAAAAAAAA' }],
  ['admin.updateAccount', { userId: 'user-m32', roles: ['member'], unitId: 'u-jingyuan' }],
  ['admin.resendInvitation', { invitationId: 'inv-demo' }],
] as const)('when the 靖远 admin calls %s on 会宁, then FORBIDDEN and nothing changes', async (name, input) => {
  const audit = (await sys.db.collection('audit').where({ unitPath: 'u-huining' }).count()).total;
  const res = await sys.as(JINGYUAN_ADMIN).call(name, input as never);
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
  });
  expect((await sys.db.collection('audit').where({ unitPath: 'u-huining' }).count()).total).toBe(audit);
});

describe('sectors, committees and workstations', () => {
  test('when the admin adds a sector with a convener and a committee linked to it and a station, then both are stored once and shown', async () => {
    const admin = sys.as(WHO.admin);
    const requestId = newRequestId();
    const sector = await admin.ok(
      'admin.saveSector',
      { unitId: 'u-huining', name: '新闻出版界', convenerId: 'user-m31' },
      requestId,
    );
    await admin.ok('admin.saveSector', { unitId: 'u-huining', name: '新闻出版界', convenerId: 'user-m31' }, requestId);
    expect((await sys.db.collection('sectors').where({ unitId: 'u-huining', name: '新闻出版界' }).count()).total).toBe(
      1,
    );
    const committee = await admin.ok('admin.saveCommittee', {
      unitId: 'u-huining',
      name: '文化文史和学习委员会',
      directorId: 'user-m32',
      sectorIds: [sector._id],
      workstationIds: ['ws-huishi'],
    });
    await admin.ok('admin.linkWorkstation', { workstationId: 'ws-huishi', sectorIds: [sector._id] });

    const detail = await admin.ok('admin.orgDetail', { unitId: 'u-huining' });
    expect(detail.sectors.find((s) => s._id === sector._id)).toMatchObject({
      convenerId: 'user-m31',
      convenerName: expect.any(String),
    });
    expect(detail.committees.find((c) => c._id === committee._id)).toMatchObject({
      directorId: 'user-m32',
      sectorIds: [sector._id],
      workstationIds: ['ws-huishi'],
    });
    expect(detail.workstations.find((w) => w._id === 'ws-huishi')).toMatchObject({ sectorIds: [sector._id] });
    expect(detail.categories).toContain('民生');
    expect(detail).toMatchObject({ custom: false, inheritedFrom: null });

    const log = await admin.ok('admin.auditLog', { action: 'admin.saveCommittee' });
    expect(log.items[0]).toMatchObject({ before: '', after: expect.stringContaining('文化文史和学习委员会') });
  });

  test('when a convener is of another county or a committee links a 靖远 station, then VALIDATION in Chinese and nothing stored', async () => {
    const admin = sys.as(WHO.admin);
    expect(
      await admin.call('admin.saveSector', { unitId: 'u-huining', name: '体育界', convenerId: 'user-m50' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { convenerId: '召集人应为本单位的委员' } } });
    expect(
      await admin.call('admin.saveCommittee', {
        unitId: 'u-huining',
        name: '提案委员会',
        sectorIds: [],
        workstationIds: ['ws-dongwan'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { workstationIds: expect.stringContaining('工作站') } },
    });
    expect((await sys.db.collection('sectors').where({ unitId: 'u-huining', name: '体育界' }).count()).total).toBe(0);
  });

  test('when the admin sets a unit its own categories and occasions, then they replace the defaults; an empty list is refused', async () => {
    const admin = sys.as(WHO.admin);
    await admin.ok('admin.saveUnitLists', {
      unitId: 'u-jingyuan',
      categories: ['民生', '乡村振兴'],
      occasions: ['春节前后', '汛期'],
    });
    const detail = await admin.ok('admin.orgDetail', { unitId: 'u-jingyuan' });
    expect(detail).toMatchObject({ categories: ['民生', '乡村振兴'], occasions: ['春节前后', '汛期'], custom: true });
    expect(
      await admin.call('admin.saveUnitLists', { unitId: 'u-jingyuan', categories: [], occasions: ['汛期'] }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { categories: '至少保留一个诉求类别' } } });
  });
});

describe('accounts', () => {
  test('when the admin searches accounts, then the server pages and filters them within the subtree', async () => {
    const admin = sys.as(WHO.admin);
    const all = await admin.ok('admin.listAccounts', { pageSize: 10 });
    expect(all.items).toHaveLength(10);
    expect(all.total).toBeGreaterThan(60);
    const huining = await admin.ok('admin.listAccounts', { unitId: 'u-huining', role: 'staff', pageSize: 50 });
    expect(huining.items.map((u) => u.name)).toContain('杨振华');
    expect(huining.items.every((u) => u.roles.includes('staff'))).toBe(true);
    const byName = await admin.ok('admin.listAccounts', { q: '杨振华' });
    expect(byName.items.map((u) => u._id)).toEqual(['user-staff-huining']);
    // A county admin sees their county only.
    const county = await sys.as(JINGYUAN_ADMIN).ok('admin.listAccounts', { pageSize: 50 });
    expect(county.items.every((u) => u.unitId === 'u-jingyuan')).toBe(true);
    expect(await sys.as(JINGYUAN_ADMIN).call('admin.listAccounts', { unitId: 'u-huining' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('when the admin revokes a staff account, then that person is refused at once and the account is kept; restoring gives it back', async () => {
    const admin = sys.as(WHO.admin);
    await sys.as(WHO.jingyuanStaff).ok('concern.listForStaff', {});
    await admin.ok('admin.revokeAccount', { userId: 'user-staff-jingyuan' });
    expect(await sys.as(WHO.jingyuanStaff).call('concern.listForStaff', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await doc('users', 'user-staff-jingyuan')).toMatchObject({
      roles: [],
      formerRoles: ['staff'],
      name: '孙海军',
    });
    const listed = await admin.ok('admin.listAccounts', { q: '孙海军' });
    expect(listed.items[0]).toMatchObject({ status: 'revoked' });
    // A county admin cannot restore an account outside… but the city admin can.
    await admin.ok('admin.updateAccount', { userId: 'user-staff-jingyuan', roles: ['staff'], unitId: 'u-jingyuan' });
    await sys.as(WHO.jingyuanStaff).ok('concern.listForStaff', {});
    const log = await admin.ok('admin.auditLog', { action: 'admin.revokeAccount' });
    expect(log.items[0]).toMatchObject({ before: 'roles：[staff]', target: 'users/user-staff-jingyuan' });
  });

  test('when the admin moves a member to another unit or removes their own admin role, then the first works and the second is refused', async () => {
    const admin = sys.as(WHO.admin);
    await admin.ok('admin.updateAccount', { userId: 'user-m44', roles: ['member'], unitId: 'u-jingyuan' });
    expect(await doc('users', 'user-m44')).toMatchObject({
      unitId: 'u-jingyuan',
      unitPath: ['u-gansu', 'u-baiyin', 'u-jingyuan'],
      sectorId: null,
    });
    expect(
      await admin.call('admin.updateAccount', { userId: 'user-admin', roles: ['staff'], unitId: 'u-baiyin' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { roles: expect.stringContaining('管理员') } } });
    expect(await sys.as(JINGYUAN_ADMIN).call('admin.revokeAccount', { userId: 'user-m31' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '该账号不在您的管辖范围内' },
    });
  });

  test('when the admin re-sends an open invitation, then it has a new code valid a week; a used one is refused', async () => {
    const admin = sys.as(WHO.admin);
    const inv = await admin.ok('account.createInvitation', { name: '待重发', role: 'staff', unitId: 'u-huining' });
    const again = await admin.ok('admin.resendInvitation', { invitationId: inv._id });
    expect(again.code).not.toBe(inv.code);
    expect(await doc('invitations', inv._id)).toMatchObject({ code: again.code, usedAt: null });
    await sys.as('o_resend_person').ok('account.bindInvitation', { code: again.code });
    expect(await admin.call('admin.resendInvitation', { invitationId: inv._id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('无需重发') },
    });
  });
});

describe('换届', () => {
  test('when the admin ends 会宁 term with the count shown, then its members lose the member role and keep their records', async () => {
    const admin = sys.as(WHO.admin);
    const preview = await admin.ok('admin.termPreview', { unitId: 'u-huining' });
    expect(preview.count).toBeGreaterThan(5);
    const records = (await sys.db.collection('liaison_records').where({ unitPath: 'u-huining' }).count()).total;
    // 会师镇's members on duty this week are on its public page until the term ends.
    const onDuty = async () =>
      (await sys.as('o_term_passerby').ok('duty.stationDuty', { workstationId: 'ws-huishi' })).week.length;
    expect(await onDuty()).toBeGreaterThan(0);

    // A count that no longer matches is refused: someone changed the list.
    expect(
      await admin.call('admin.endTerm', { unitId: 'u-huining', term: '第十届', count: preview.count + 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`${preview.count} 名委员`) },
    });

    const requestId = newRequestId();
    const ended = await admin.ok(
      'admin.endTerm',
      { unitId: 'u-huining', term: '第十届', count: preview.count },
      requestId,
    );
    expect(ended).toEqual({ ended: preview.count });
    expect(
      await admin.ok('admin.endTerm', { unitId: 'u-huining', term: '第十届', count: preview.count }, requestId),
    ).toEqual(ended);
    expect((await admin.ok('admin.termPreview', { unitId: 'u-huining' })).count).toBe(0);
    expect(await doc('users', 'user-m31')).toMatchObject({
      roles: [],
      formerRoles: ['member'],
      termEnded: { term: '第十届' },
    });
    expect((await sys.db.collection('liaison_records').where({ unitPath: 'u-huining' }).count()).total).toBe(records);
    // The day the term ends they leave the public page, though the week's shifts still name them.
    expect(await onDuty()).toBe(0);
    // 靖远's members are untouched, and a former member can no longer act as one.
    expect((await admin.ok('admin.termPreview', { unitId: 'u-jingyuan' })).count).toBeGreaterThan(5);
    expect(await sys.as('o_member_31').call('liaison.mine', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const log = await admin.ok('admin.auditLog', { action: 'admin.endTerm' });
    expect(log.items[0]).toMatchObject({ actionLabel: '换届', after: expect.stringContaining('第十届') });
    expect(log.items[0].before).toMatch(/^members：\[[^\]]*、/);
  });
});

describe('audit log', () => {
  test('when staff read the log, then they see their own subtree only; filters by person, action and date narrow it', async () => {
    await sys.as(WHO.admin).ok('admin.saveSector', { unitId: 'u-jingyuan', name: '靖远审计界' });
    const huining = await sys.as(WHO.huiningStaff).ok('admin.auditLog', { pageSize: 50 });
    expect(huining.items.length).toBeGreaterThan(0);
    expect(huining.items.some((e) => e.after.includes('靖远审计界'))).toBe(false);
    const jingyuan = await sys.as(WHO.jingyuanStaff).ok('admin.auditLog', { action: 'admin.saveSector' });
    expect(jingyuan.items.map((e) => e.after).join()).toContain('靖远审计界');

    const admin = sys.as(WHO.admin);
    const byActor = await admin.ok('admin.auditLog', { actor: '陈志', pageSize: 50 });
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorName === '陈志刚')).toBe(true);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await admin.ok('admin.auditLog', { from: today, to: today })).total).toBeGreaterThan(0);
    expect((await admin.ok('admin.auditLog', { from: '2020-01-01', to: '2020-01-02' })).total).toBe(0);
    expect(await admin.call('admin.auditLog', { from: today, to: '2020-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { to: '结束日期不能早于开始日期' } },
    });
    expect(await sys.as(WHO.member).call('admin.auditLog', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
