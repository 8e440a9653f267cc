import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const inbox = () => sys.db.collection('inbox');

test('when a person reads their inbox, then they see only their own items, newest first, with the unread count', async () => {
  const now = Date.now();
  await inbox().add({
    data: [
      {
        _id: 'ib-1',
        openid: WHO.member,
        kind: 'notice',
        title: '旧通知',
        body: '正文',
        page: 'member/inbox/index',
        refId: null,
        createdAt: new Date(now - 60_000),
        readAt: null,
        push: 'sent',
      },
      {
        _id: 'ib-2',
        openid: WHO.member,
        kind: 'concern',
        title: '新消息',
        body: '正文',
        page: 'pages/concern/mine',
        refId: null,
        createdAt: new Date(now),
        readAt: null,
        push: 'no_subscription',
      },
      {
        _id: 'ib-3',
        openid: WHO.citizen,
        kind: 'concern',
        title: '别人的',
        body: '正文',
        page: 'pages/concern/mine',
        refId: null,
        createdAt: new Date(now),
        readAt: null,
        push: 'sent',
      },
    ],
  });
  const list = await sys.as(WHO.member).ok('account.listInbox', {});
  expect(list.items.map((i) => i.title)).toEqual(['新消息', '旧通知']);
  expect(list.unread).toBe(2);

  expect(await sys.as(WHO.member).ok('account.readInbox', { id: 'ib-2' })).toEqual({ unread: 1 });
  expect((await sys.as(WHO.member).ok('account.listInbox', { unreadOnly: true })).items.map((i) => i.title)).toEqual([
    '旧通知',
  ]);

  // Someone else's item is untouched by a stranger's read, and is not theirs to find.
  expect(await sys.as(WHO.member).call('account.readInbox', { id: 'ib-3' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: expect.stringMatching(/不存在/) },
  });
  // Reading one's own item again changes nothing and is not refused.
  expect(await sys.as(WHO.member).ok('account.readInbox', { id: 'ib-2' })).toEqual({ unread: 1 });
  const { data } = await inbox().where({ _id: 'ib-3' }).get();
  expect(data[0].readAt).toBeNull();
});

test('when a person answers subscription requests, then accept and refusal are counted per template', async () => {
  const who = sys.as('o_sub_person');
  await who.ok('account.recordSubscriptions', {
    answers: [
      { template: 'concernStatus', answer: 'accept' },
      { template: 'notice', answer: 'reject' },
    ],
  });
  await who.ok('account.recordSubscriptions', { answers: [{ template: 'concernStatus', answer: 'accept' }] });
  const { data } = await sys.db.collection('subscriptions').where({ openid: 'o_sub_person' }).get();
  expect(data).toHaveLength(1);
  const byTemplate = data[0].templates;
  expect(byTemplate.concernStatus).toMatchObject({ accepted: 2, refused: 0, lastAnswer: 'accept' });
  expect(byTemplate.notice).toMatchObject({ accepted: 0, refused: 1, lastAnswer: 'reject' });

  const bad = await who.call('account.recordSubscriptions', {
    answers: [{ template: 'spam', answer: 'accept' }],
  } as never);
  expect(bad).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { 'answers.0.template': '未知的消息模板' } },
  });
});
