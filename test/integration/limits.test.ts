/**
 * Limits on abuse (issue 18): one identity cannot flood the queue, guess codes or send notices
 * without end; the refusal is RATE_LIMITED with a Chinese message saying when to try again, and
 * nothing is stored. The same notice to the same people is refused once, then sent on confirmation.
 */
import type { ActionInput } from '@lxq/types';
import { arrangeShift } from './shifts';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System & { restart(): Promise<void> };
let member: { _id: string; openid: string };
beforeAll(async () => {
  sys = await startSystem();
  const { data } = await sys.db.collection('users').where({ unitPath: 'u-huining', roles: 'member' }).limit(5).get();
  member = data.find((u: { openid: string | null }) => u.openid);
}, 60_000);
afterAll(() => sys.stop());

const form = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '会师南路路灯不亮',
  text: '会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多。',
  consent: true,
} as const;
const LIMITED = {
  ok: false,
  error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^操作太频繁，请.+再试$/) },
};

test('when one citizen submits over and over, then the 7th in an hour is refused with when to try again, and retries still answer', async () => {
  const citizen = sys.as('o_flood');
  const first = newRequestId();
  const firstAnswer = await citizen.ok('concern.submit', { ...form, title: '第 1 件事情' }, first);
  for (let i = 2; i <= 6; i++) await citizen.ok('concern.submit', { ...form, title: `第 ${i} 件事情` });
  const seventh = await citizen.call('concern.submit', { ...form, title: '第 7 件事情' });
  expect(seventh).toMatchObject(LIMITED);
  expect(seventh.ok || seventh.error.message).toMatch(/分钟后/);
  const { total } = await sys.db.collection('concerns').where({ submitterOpenid: 'o_flood' }).count();
  expect(total).toBe(6);
  // A retry of a request that went through is not a new submission.
  expect(await citizen.ok('concern.submit', { ...form, title: '第 1 件事情' }, first)).toEqual(firstAnswer);
  // Someone else is not held up.
  expect((await sys.as('o_not_flood').ok('concern.submit', form)).status).toBe('submitted');
});

test('when a member keeps guessing the station code, then after 10 attempts in 10 minutes even a good sign-in waits', async () => {
  const who = sys.as('o_member_33');
  for (let i = 0; i < 10; i++) {
    const res = await who.call('duty.signIn', { shiftId: 'no-such-shift', code: String(100000 + i) });
    expect(res.ok || res.error.code).not.toBe('RATE_LIMITED');
  }
  expect(await who.call('duty.signIn', { shiftId: 'no-such-shift', code: '123456' })).toMatchObject(LIMITED);
});

const notice = (title: string): ActionInput<'notice.send'> =>
  ({
    title,
    body: '请各位委员按时参加学习。',
    targets: { sectorIds: [], committeeIds: [], workstationIds: [], roles: [], userIds: [member._id] },
  }) as ActionInput<'notice.send'>;
const noticesTitled = async (title: string) =>
  (await sys.db.collection('notices').where({ unitPath: 'u-huining' }).limit(1000).get()).data.filter(
    (n: { title: string }) => n.title === title,
  ).length;

test('when staff send the same notice to the same people again, then they are warned once and it goes on confirmation', async () => {
  const staff = sys.as(WHO.huiningStaff);
  await staff.ok('notice.send', notice('关于专题学习的通知'));
  const again = await staff.call('notice.send', notice('关于专题学习的通知'));
  expect(again).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringMatching(/已于.+发给同样的人/) },
  });
  expect(await noticesTitled('关于专题学习的通知')).toBe(1);
  await staff.ok('notice.send', { ...notice('关于专题学习的通知'), repeat: true });
  expect(await noticesTitled('关于专题学习的通知')).toBe(2);
});

test('when a staff member sends more than 20 notices in an hour, then the next is refused and not stored', async () => {
  const staff = sys.as(WHO.jingyuanStaff);
  const { data } = await sys.db.collection('users').where({ unitPath: 'u-jingyuan', roles: 'member' }).limit(5).get();
  const to = data.find((u: { openid: string | null }) => u.openid)._id;
  const send = (i: number) =>
    staff.call('notice.send', {
      ...notice(`第 ${i} 号通知`),
      targets: { sectorIds: [], committeeIds: [], workstationIds: [], roles: [], userIds: [to] },
    } as ActionInput<'notice.send'>);
  for (let i = 1; i <= 20; i++) expect((await send(i)).ok).toBe(true);
  expect(await send(21)).toMatchObject(LIMITED);
  const { data: sent } = await sys.db.collection('notices').where({ unitPath: 'u-jingyuan' }).limit(1000).get();
  expect(sent.filter((n: { title: string }) => n.title === '第 21 号通知')).toHaveLength(0);
});

test('when the functions restart (no instance remembers anyone), then a citizen over a limit and a member who kept guessing are still refused', async () => {
  // 白银's member keeps guessing the code of their own running shift: each refusal is kept on the shift.
  const HUISHI = { lat: 35.6927, lng: 105.0536 };
  const start = new Date(Date.now() - 10 * 60_000);
  await arrangeShift(
    sys,
    {
      id: 'ws-huishi',
      name: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      location: HUISHI,
    },
    { id: 'limits-shift', start, end: new Date(start.getTime() + 3 * 3_600_000) },
    [{ userId: member._id, openid: member.openid }],
  );
  const guesser = sys.as(member.openid);
  for (let i = 0; i < 10; i++) {
    const res = await guesser.call('duty.signIn', { shiftId: 'limits-shift', code: String(200000 + i) });
    expect(res.ok || res.error.code).toBe('VALIDATION');
  }
  // Ten proposals to one call today, as other instances would have recorded them in the audit log.
  const at = new Date();
  await sys.db.collection('audit').add({
    data: Array.from({ length: 10 }, (_, i) => ({
      _id: `limits-proposal-${i}`,
      actor: 'o_proposer',
      actorUserId: null,
      action: 'topic.proposeToCall',
      target: '',
      before: null,
      after: null,
      at,
      result: { ok: true, data: {} },
    })),
  });

  await sys.restart();

  // o_flood submitted 6 in the first test: the 7th is still refused, counted from the stored log.
  const seventh = await sys.as('o_flood').call('concern.submit', { ...form, title: '重启后的第 7 件事情' });
  expect(seventh).toMatchObject(LIMITED);
  expect(seventh.ok || seventh.error.message).toMatch(/请 \d+ 分钟后再试/);
  expect((await sys.db.collection('concerns').where({ submitterOpenid: 'o_flood' }).count()).total).toBe(6);
  const proposal = { id: 'call-demo-1', title: '再提一个议题', text: '希望讨论社区养老服务的覆盖。' };
  const eleventh = await sys.as('o_proposer').call('topic.proposeToCall', proposal);
  expect(eleventh).toMatchObject(LIMITED);
  expect(eleventh.ok || eleventh.error.message).toMatch(/请在(今天|明天) \d\d:\d\d 以后再试/);
  // Even a sign-in from the station itself waits until the guesses are ten minutes old.
  const good = await guesser.call('duty.signIn', { shiftId: 'limits-shift', location: HUISHI });
  expect(good).toMatchObject(LIMITED);
  const { data: shift } = await sys.db.collection('shifts').doc('limits-shift').get();
  expect(shift.members[0].signedInAt).toBeNull();
  // Someone who did nothing yet is not held up by the counts of others.
  expect((await sys.as('o_after_restart').ok('concern.submit', form)).status).toBe('submitted');
}, 60_000);
