/**
 * The member's notice pages of the weapp build: the inbox (unread marked and counted, the badge
 * on the 委员 tab) and a notice (read on opening, its files, the meeting reply).
 */
import { handlersFor, memberMe } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, setHandlers, settle, tapText, waitForText } from './helpers/simulate';

const inboxItem = (id: string, title: string, read: boolean) => ({
  _id: id,
  kind: 'notice',
  title,
  body: '各位委员：定于下列时间召开界别委员座谈会。',
  page: 'member/inbox/detail?id=n1',
  createdAt: '2026-11-23T01:00:00.000Z',
  read,
});

const noticeView = {
  _id: 'n1',
  title: '关于召开界别委员座谈会的通知',
  body: '各位委员：\n\n请提前准备 **1–2 条** 界别群众意见建议。',
  unitName: '兰州市政协',
  createdByName: '王静',
  sentAt: '2026-11-23T01:00:00.000Z',
  attachments: [
    { name: '会议议程.pdf', kind: 'pdf', size: 245_760, url: 'https://files.test/a.pdf' },
    { name: '会场示意图.png', kind: 'image', size: 1_572_864, url: 'https://files.test/b.png' },
  ],
  meeting: {
    at: '2026-11-28T01:00:00.000Z',
    place: '市政协三楼会议室',
    replyBy: '2026-11-27T00:00:00.000Z',
    open: true,
  },
  reply: null,
  readAt: '2026-11-23T03:00:00.000Z',
};

let unread = 2;
const memberHandlers = {
  ...handlersFor(memberMe),
  'account.listInbox': () => ({
    items: [
      inboxItem('n1:o_member', '关于召开界别委员座谈会的通知', false),
      inboxItem('n0:o_member', '学习通知', true),
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    unread,
  }),
  'notice.get': () => {
    unread = 1; // opening it is what reads it
    return noticeView;
  },
  'notice.reply': (input: { attending: boolean }) => ({
    reply: { attending: input.attending, reason: '', at: '2026-11-23T03:01:00.000Z' },
  }),
};

const callsOf = (action: string) => cloudCalls().filter((c) => c.action === action);

beforeAll(() => bootApp(memberHandlers));

describe('member/inbox', () => {
  beforeEach(() => setHandlers(memberHandlers));

  it('when the inbox opens, then unread notices are marked and counted', async () => {
    unread = 2;
    const page = await renderPage('member/inbox/index');
    const text = await waitForText(page, '2 条未读');
    expect(text).toContain('关于召开界别委员座谈会的通知');
    expect(text).toContain('学习通知');
    expect(text).toContain('接收通知提醒');
    const unreadRows = page.comp.dom.querySelectorAll('[class*="inbox-item--unread"]');
    expect(unreadRows.length).toBe(1);
    expect(unreadRows[0].textContent).toContain('关于召开界别委员座谈会的通知');
    page.unmount();
  });

  it('when the member has unread notices, then the 委员 tab shows the badge', async () => {
    unread = 2;
    const page = await renderPage('member/home/index');
    await waitForText(page, '李文华');
    await settle();
    expect(page.comp.dom.querySelector('[class*="tabbar__badge"]')?.textContent).toBe('2');
    page.unmount();
  });

  it('when a member opens a notice, then it is read (the badge is asked again), its files are listed and they can reply attending', async () => {
    unread = 2;
    const page = await renderPage('member/inbox/detail', { id: 'n1' });
    let text = await waitForText(page, '市政协三楼会议室');
    expect(text).toContain('1–2 条');
    expect(text).toContain('附件（2）');
    expect(text).toContain('会议议程.pdf');
    expect(text).toContain('240 KB');
    expect(text).toContain('1.5 MB');
    expect(callsOf('get').at(-1)?.input).toEqual({ id: 'n1' });
    await settle();
    const refresh = callsOf('listInbox').at(-1);
    expect(refresh?.input).toMatchObject({ unreadOnly: true });
    await tapText(page, '参加');
    text = await waitForText(page, '已回执：参加', 3000);
    expect(callsOf('reply').at(-1)?.input).toMatchObject({ id: 'n1', attending: true });
    expect(text).toContain('改为参加');
    page.unmount();
  });
});
