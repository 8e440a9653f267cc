/**
 * The router's edge (issue 18): a requestId reused with other content is refused with CONFLICT
 * (not answered as if the second had been applied); input nested thousands of levels deep and
 * text with a lone surrogate are refused with VALIDATION before validation, and nothing is stored.
 */
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const form = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '会师南路路灯不亮',
  text: '会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多。',
  consent: true,
} as const;
const concernsBy = async (openid: string) =>
  (await sys.db.collection('concerns').where({ submitterOpenid: openid }).count()).total as number;
const REUSED = { ok: false, error: { code: 'CONFLICT', message: '这个请求已提交过其他内容' } };

test('when a submission is retried with the same requestId and other content, then CONFLICT and only the first is stored', async () => {
  const requestId = newRequestId();
  const citizen = sys.as('o_edge_reuse');
  const first = await citizen.ok('concern.submit', form, requestId);
  expect(await citizen.ok('concern.submit', form, requestId)).toEqual(first);
  // Keys in another order are the same content.
  const reordered = Object.fromEntries(Object.entries(form).reverse()) as typeof form;
  expect(await citizen.ok('concern.submit', reordered, requestId)).toEqual(first);
  expect(await citizen.call('concern.submit', { ...form, title: '另一件事情' }, requestId)).toMatchObject(REUSED);
  expect(await concernsBy('o_edge_reuse')).toBe(1);
  const { data } = await sys.db.collection('concerns').doc(first._id).get();
  expect(data.title).toBe(form.title);
});

test('when staff reuse a requestId for another invitation, then CONFLICT and no second invitation', async () => {
  const requestId = newRequestId();
  const staff = sys.as(WHO.huiningStaff);
  const input = { name: '复用编号', role: 'member', unitId: 'u-huining' } as const;
  const first = await staff.ok('account.createInvitation', input, requestId);
  expect(await staff.ok('account.createInvitation', input, requestId)).toEqual(first);
  expect(await staff.call('account.createInvitation', { ...input, name: '另一个人' }, requestId)).toMatchObject(REUSED);
  const { data } = await sys.db.collection('invitations').where({ unitPath: 'u-huining' }).limit(1000).get();
  expect(data.filter((i: { name: string }) => i.name === '另一个人')).toHaveLength(0);
});

const nested = (levels: number) => {
  let deep: unknown = '会师南路';
  for (let i = 0; i < levels; i++) deep = { a: deep };
  return deep;
};

test.each([
  ['concern.submit', { ...form, location: nested(3000) }],
  ['concern.listMine', { page: nested(3000) }],
  ['notice.send', nested(2500)],
] as const)(
  'when %s gets input nested thousands of levels deep, then VALIDATION, not INTERNAL',
  async (name, input) => {
    const res = await sys.as(WHO.huiningStaff).call(name, input as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/层级过深/) } });
    expect(await concernsBy(WHO.huiningStaff)).toBe(0);
  },
);

// Written as text: JSON.stringify itself overflows the stack a few thousand levels down.
const deepBody = (levels: number, input: (deep: string) => string) =>
  `{"name":"concern","data":{"action":"submit","requestId":"${newRequestId()}","input":${input(
    '{"a":'.repeat(levels) + '"会师南路"' + '}'.repeat(levels),
  )}}}`;

test.each([3_600, 5_000, 100_000])(
  'when a citizen sends input nested %d levels deep over HTTP, then VALIDATION in Chinese (no function crash) and nothing is stored',
  async (levels) => {
    const res = await fetch(`${sys.emulator.url}/__cloud/callFunction`, {
      method: 'POST',
      headers: { 'X-WX-OPENID': 'o_edge_deep', 'Content-Type': 'application/json' },
      body: deepBody(levels, (deep) => `{"title":"路灯","location":${deep}}`),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      result: { ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/层级过深/) } },
    });
    expect(await concernsBy('o_edge_deep')).toBe(0);
  },
);

test.each([
  ['a lone high surrogate in the title', { ...form, title: '路灯\ud800不亮了' }, 'title'],
  ['a lone low surrogate in the text', { ...form, text: `${form.text}\udc00` }, 'text'],
  ['a lone surrogate in a key', { ...form, ['\ud83d']: 'x' }, '_'],
])('when a submission has %s, then VALIDATION on that field and nothing is stored', async (_, input, field) => {
  const res = await sys.as('o_edge_surrogate').call('concern.submit', input as never);
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { [field]: expect.stringMatching(/无法识别的字符/) } },
  });
  expect(await concernsBy('o_edge_surrogate')).toBe(0);
});

test('when text has whole emoji (surrogate pairs), then it is accepted', async () => {
  const res = await sys.as('o_edge_emoji').ok('concern.submit', { ...form, title: '路灯不亮了😟' });
  expect(res.status).toBe('submitted');
});
