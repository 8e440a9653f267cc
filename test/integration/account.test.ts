import { startSystem, newRequestId, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const invitationCount = async () =>
  (await sys.db.collection('invitations').where({ unitPath: 'u-gansu' }).count()).total;

describe('account.me', () => {
  test('when a stranger opens the app, then they are a citizen with no scope', async () => {
    const me = await sys.as('o_somebody_new').ok('account.me', {});
    expect(me).toMatchObject({ name: '群众', roles: ['citizen'], userId: null, scopes: [] });
  });

  test('when city staff ask who they are, then they see their unit as their scope', async () => {
    const me = await sys.as(WHO.cityStaff).ok('account.me', {});
    expect(me.roles).toEqual(expect.arrayContaining(['citizen', 'staff']));
    expect(me.scopes).toEqual([{ _id: 'u-baiyin', name: '政协白银市委员会' }]);
  });
});

describe('invitations', () => {
  test('when staff invite a member and the invitee binds, then the invitee becomes that member and the code is spent', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const inv = await staff.ok('account.createInvitation', { name: '赵明远', role: 'member', unitId: 'u-huining' });
    expect(inv.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(inv.status).toBe('open');
    expect(Buffer.from(inv.qr!.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');

    const seen = await sys.as('o_invitee_1').ok('account.inspectInvitation', { code: inv.code.toLowerCase() });
    expect(seen).toMatchObject({ name: '赵明远', role: 'member', unitName: '政协会宁县委员会' });

    const me = await sys.as('o_invitee_1').ok('account.bindInvitation', { code: inv.code });
    expect(me).toMatchObject({ name: '赵明远', roles: ['citizen', 'member'], unit: { _id: 'u-huining' } });
    expect((await sys.as('o_invitee_1').ok('account.me', {})).roles).toContain('member');

    const again = await sys.as('o_someone_else').call('account.bindInvitation', { code: inv.code });
    expect(again).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('已被使用') }),
    });
    const list = await staff.ok('account.listInvitations', { status: 'used' });
    expect(list.items.map((i) => i.code)).toContain(inv.code);
  });

  test('when two people bind one code at once, then exactly one of them gets it', async () => {
    const inv = await sys
      .as(WHO.cityStaff)
      .ok('account.createInvitation', { name: '钱文静', role: 'staff', unitId: 'u-baiyin' });
    const results = await Promise.all(
      ['o_race_a', 'o_race_b', 'o_race_c'].map((o) => sys.as(o).call('account.bindInvitation', { code: inv.code })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const { total } = await sys.db.collection('users').where({ unitPath: 'u-baiyin', name: '钱文静' }).count();
    expect(total).toBe(1);
  });

  test('when a bind is sent again (the same request, or a new one after the answer was lost), then one account exists', async () => {
    const inv = await sys
      .as(WHO.huiningStaff)
      .ok('account.createInvitation', { name: '韩雪松', role: 'member', unitId: 'u-huining' });
    const requestId = newRequestId();
    const [a, b] = await Promise.all([
      sys.as('o_twice').ok('account.bindInvitation', { code: inv.code }, requestId),
      sys.as('o_twice').ok('account.bindInvitation', { code: inv.code }, requestId),
    ]);
    const c = await sys.as('o_twice').ok('account.bindInvitation', { code: inv.code });
    expect(b.userId).toBe(a.userId);
    expect(c).toMatchObject({ userId: a.userId, roles: ['citizen', 'member'], unit: { name: '政协会宁县委员会' } });
    const { data } = await sys.db.collection('users').where({ openid: 'o_twice' }).get();
    expect(data).toHaveLength(1);
  });

  test('when a member is invited to be staff too, then their one account gains the role', async () => {
    const inv = await sys
      .as(WHO.huiningStaff)
      .ok('account.createInvitation', { name: '成员兼职', role: 'staff', unitId: 'u-huining' });
    const me = await sys.as('o_member_40').ok('account.bindInvitation', { code: inv.code });
    expect(me.roles).toEqual(['citizen', 'member', 'staff']);
    const { data } = await sys.db.collection('users').where({ openid: 'o_member_40' }).get();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ _id: 'user-m40', unitId: 'u-huining' });
  });

  test('when a code is unknown or expired, then the person is told which', async () => {
    const unknown = await sys.as(WHO.citizen).call('account.inspectInvitation', { code: 'ZZZZZZZZ' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '邀请码不存在，请核对后重新输入' },
    });

    const inv = await sys
      .as(WHO.cityStaff)
      .ok('account.createInvitation', { name: '孙悦', role: 'member', unitId: 'u-baiyin' });
    await sys.db
      .collection('invitations')
      .doc(inv._id)
      .update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await sys.as('o_late').call('account.bindInvitation', { code: inv.code });
    expect(expired).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('已过期') },
    });
    expect((await sys.as('o_late').ok('account.me', {})).roles).toEqual(['citizen']);
  });

  test('when staff invite outside their unit, or a citizen tries, then it is refused and nothing is written', async () => {
    const before = await invitationCount();
    const outside = await sys
      .as(WHO.huiningStaff)
      .call('account.createInvitation', { name: '周平', role: 'member', unitId: 'u-jingyuan' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该单位不在您的管辖范围内' } });
    const citizen = await sys
      .as(WHO.citizen)
      .call('account.createInvitation', { name: '周平', role: 'member', unitId: 'u-baiyin' });
    expect(citizen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const adminByStaff = await sys
      .as(WHO.cityStaff)
      .call('account.createInvitation', { name: '周平', role: 'admin', unitId: 'u-baiyin' });
    expect(adminByStaff).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有管理员可以邀请管理员' },
    });
    expect(await invitationCount()).toBe(before);
  });

  test('when the input is bad, then each field gets a Chinese message and nothing is written', async () => {
    const before = await invitationCount();
    const res = await sys
      .as(WHO.cityStaff)
      .call('account.createInvitation', { name: '', role: 'boss', unitId: 'u-baiyin' } as never);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: '请填写姓名', role: '请选择角色' } },
    });
    expect(await invitationCount()).toBe(before);
  });

  test('when a create is retried with the same requestId, then one invitation exists and both answers match', async () => {
    const before = await invitationCount();
    const requestId = newRequestId();
    const input = { name: '郑可欣', role: 'member', unitId: 'u-jingyuan' } as const;
    const [a, b] = await Promise.all([
      sys.as(WHO.jingyuanStaff).ok('account.createInvitation', input, requestId),
      sys.as(WHO.jingyuanStaff).ok('account.createInvitation', input, requestId),
    ]);
    const c = await sys.as(WHO.jingyuanStaff).ok('account.createInvitation', input, requestId);
    expect(b.code).toBe(a.code);
    expect(c.code).toBe(a.code);
    expect(await invitationCount()).toBe(before + 1);
    const audit = await sys.db
      .collection('audit')
      .where({ target: `invitations/${a._id}` })
      .get();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ actor: WHO.jingyuanStaff, action: 'account.createInvitation' });
  });
});
