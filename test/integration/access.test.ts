/**
 * Every action × role × in/out of scope (ENGINEERING.md §5). A new action must add its row here:
 * the last test fails when one is missing.
 */
import { ACTIONS, type ActionName } from '@lxq/types';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

type Outcome = 'ok' | 'FORBIDDEN';
/** Callers: a citizen, a member, staff of 会宁 (in scope of the inputs), staff of 靖远 (out of scope). */
const CALLERS = ['o_matrix_citizen', WHO.member, WHO.huiningStaff, WHO.jingyuanStaff] as const;

const MATRIX: Record<ActionName, { input: () => object; expect: [Outcome, Outcome, Outcome, Outcome] }> = {
  'account.me': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.createInvitation': {
    input: () => ({ name: '矩阵测试', role: 'member', unitId: 'u-huining' }),
    expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
  },
  'account.listInvitations': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'account.inspectInvitation': { input: () => ({ code: 'DEMOWY26' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.bindInvitation': { input: () => ({ code: 'ZZZZZZZZ' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.recordSubscriptions': {
    input: () => ({ answers: [{ template: 'concernStatus', answer: 'accept' }] }),
    expect: ['ok', 'ok', 'ok', 'ok'],
  },
  'account.listInbox': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'account.readInbox': { input: () => ({ id: 'nope' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.listWorkstations': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.getWorkstation': { input: () => ({ id: 'ws-huishi' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.listSectors': { input: () => ({ unitId: 'u-huining' }), expect: ['ok', 'ok', 'ok', 'ok'] },
  'org.listUnits': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
  'concern.submit': {
    input: () => ({
      workstationId: 'ws-huishi',
      category: '民生',
      title: '矩阵测试诉求',
      text: '用于权限矩阵测试的诉求内容。',
      consent: true,
    }),
    expect: ['ok', 'ok', 'ok', 'ok'],
  },
  'concern.listMine': { input: () => ({}), expect: ['ok', 'ok', 'ok', 'ok'] },
  'concern.listForStaff': { input: () => ({}), expect: ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'] },
};

describe.each(Object.entries(MATRIX))('%s', (name, row) => {
  test.each(CALLERS.map((c, i) => [c, row.expect[i]] as const))('when %s calls, then %s', async (openid, outcome) => {
    const res = await sys.as(openid).call(name as ActionName, row.input() as never);
    // Reaching the handler (ok, or a refusal that is not about access) counts as allowed.
    const got = !res.ok && res.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'ok';
    expect(got).toBe(outcome);
  });
});

test('when a new action is added, then it has a row in this matrix', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
});

test('when staff list anything, then only their own subtree comes back', async () => {
  const list = await sys.as(WHO.jingyuanStaff).ok('concern.listForStaff', { pageSize: 50 });
  expect(list.items.length).toBeGreaterThan(0);
  const ids = list.items.map((c) => c._id);
  const { data } = await sys.db.collection('concerns').where({ unitPath: 'u-jingyuan' }).limit(100).get();
  expect(new Set(ids)).toEqual(new Set(data.map((c: { _id: string }) => c._id)));
});
