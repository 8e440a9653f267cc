/**
 * concern.withdraw: the submitter takes back a concern nobody has accepted yet (issue 21, the
 * privacy page's promise). Guarded by the status, audited, and no one else's to withdraw.
 */
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const form = {
  workstationId: 'ws-huishi',
  category: '民生',
  title: '小区门口积水严重',
  text: '小区门口下雨后积水很深，老人孩子出行不便，希望疏通排水。',
  consent: true,
} as const;

const stored = async (id: string) => (await sys.db.collection('concerns').doc(id).get()).data;

test('when the submitter withdraws a concern not yet accepted, then it is 已撤回, audited, and staff see it so', async () => {
  const citizen = sys.as('o_wd_own');
  const { _id } = await citizen.ok('concern.submit', form);
  expect((await citizen.ok('concern.get', { id: _id })).can.withdraw).toBe(true);

  const requestId = newRequestId();
  expect(await citizen.ok('concern.withdraw', { id: _id }, requestId)).toEqual({ status: 'withdrawn' });
  // A retried request gets the first answer and changes nothing more.
  expect(await citizen.ok('concern.withdraw', { id: _id }, requestId)).toEqual({ status: 'withdrawn' });

  const doc = await stored(_id);
  expect(doc).toMatchObject({ status: 'withdrawn', dueAt: null });
  expect(doc.timeline.filter((e: { action: string }) => e.action === 'withdraw')).toHaveLength(1);
  const audit = await sys.db
    .collection('audit')
    .where({ target: `concerns/${_id}` })
    .get();
  expect(audit.data.some((a: { after?: { status?: string } }) => a.after?.status === 'withdrawn')).toBe(true);

  const view = await citizen.ok('concern.get', { id: _id });
  expect(view).toMatchObject({ status: 'withdrawn', can: { withdraw: false } });
  const staff = await sys.as(WHO.huiningStaff).ok('concern.get', { id: _id });
  expect(staff.status).toBe('withdrawn');
});

test('when the concern was accepted, then withdrawing is refused with its status and nothing changes', async () => {
  const citizen = sys.as('o_wd_late');
  const { _id } = await citizen.ok('concern.submit', form);
  await sys.as(WHO.huiningStaff).ok('concern.accept', { id: _id });
  const res = await citizen.call('concern.withdraw', { id: _id });
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining('已受理') },
  });
  expect((await stored(_id)).status).toBe('accepted');
});

test('when someone else tries to withdraw it, then they are told it does not exist and nothing changes', async () => {
  const { _id } = await sys.as('o_wd_victim').ok('concern.submit', form);
  const res = await sys.as('o_wd_other').call('concern.withdraw', { id: _id });
  expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect((await stored(_id)).status).toBe('submitted');
});

test('when the id is missing, then the citizen gets a Chinese message', async () => {
  const res = await sys.as('o_wd_bad').call('concern.withdraw', {} as never);
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
});
