/**
 * The staff notice pages of the weapp build: compose (targets resolved and counted, refusal when
 * nobody, attachments) and follow-up (counts, table, remind, cancel). The member's side is in
 * inbox.test.ts (a separate app: who is signed in is loaded once per launch).
 */
import { handlersFor, staffMe } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, setHandlers, settle, tapText, waitForText } from './helpers/simulate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const wx = () => (globalThis as any).wx;

const options = {
  sectors: [
    { _id: 's-edu', name: '教育界', note: '' },
    { _id: 's-empty', name: '新设界别', note: '' },
  ],
  committees: [{ _id: 'c-econ', name: '经济委员会', note: '兰州市' }],
  workstations: [],
  members: [],
};

const resolution = (input: { targets: { sectorIds: string[] } }) => {
  const edu = input.targets.sectorIds.includes('s-edu');
  const empty = input.targets.sectorIds.includes('s-empty');
  return {
    count: edu ? 3 : 0,
    targets: [
      ...(edu ? [{ kind: 'sector', id: 's-edu', name: '教育界', count: 3 }] : []),
      ...(empty ? [{ kind: 'sector', id: 's-empty', name: '新设界别', count: 0 }] : []),
    ],
    sample: edu ? ['张海燕', '刘志强', '王芳'].map((name) => ({ name, note: '教育界' })) : [],
  };
};

const row = (name: string, extra: object) => ({
  _id: `n1:${name}`,
  name,
  sectorName: '教育界',
  delivered: true,
  push: 'sent',
  unreachable: '',
  readAt: '',
  reply: null,
  ...extra,
});

const followUp = (status: string) => ({
  notice: {
    _id: 'n1',
    title: '关于召开界别委员座谈会的通知',
    status,
    targetSummary: '教育界',
    sendAt: '2026-11-25T01:00:00.000Z',
    createdAt: '2026-11-23T01:00:00.000Z',
    createdByName: '王静',
    recipientCount: 3,
    readCount: 1,
    meeting: { at: '2026-11-28T01:00:00.000Z', place: '市政协三楼会议室', replyBy: '2026-11-27T00:00:00.000Z' },
    sentAt: status === 'sent' ? '2026-11-23T01:00:00.000Z' : '',
    body: '各位委员：请准时参会。',
    attachments: [{ name: '会议议程.pdf', kind: 'pdf', size: 245_760 }],
    cancelledAt: '',
    cancelledByName: '',
  },
  counts: { recipients: 3, delivered: 3, pushed: 2, unreachable: 1, read: 1, attending: 1, absent: 0, pending: 0 },
  items: [
    row('张海燕', {
      readAt: '2026-11-23T02:05:00.000Z',
      reply: { attending: true, reason: '', at: '2026-11-23T02:06:00.000Z' },
    }),
    row('刘志强', { push: 'no_subscription', unreachable: '未订阅或订阅次数已用完' }),
    row('王芳', {}),
  ],
  total: 3,
  page: 1,
  pageSize: 50,
  remindAfter: '',
});

const staffHandlers = {
  ...handlersFor(staffMe),
  'notice.options': () => options,
  'notice.resolve': resolution,
  'notice.followUp': () => followUp('sent'),
  'notice.remind': () => ({ reminded: 2, remindAfter: '2026-11-24T01:00:00.000Z' }),
  'notice.cancel': (input: { id: string }) => ({ _id: input.id, status: 'cancelled' }),
};

const callsOf = (action: string) => cloudCalls().filter((c) => c.action === action);

beforeAll(() => bootApp(staffHandlers));

describe('staff/notices/compose', () => {
  beforeEach(() => setHandlers(staffHandlers));

  it('when staff pick a sector, then its members are resolved and counted before sending', async () => {
    const page = await renderPage('staff/notices/compose');
    await waitForText(page, '教育界');
    await tapText(page, '教育界');
    const text = await waitForText(page, '将发送给 3 人', 3000);
    expect(text).toContain('将发送给 3 人');
    expect(text).toContain('教育界 3 人');
    expect(text).toContain('张海燕、刘志强、王芳');
    expect(text).toContain('发送（3 人）');
    expect(callsOf('resolve').at(-1)?.input).toMatchObject({ targets: { sectorIds: ['s-edu'] } });
    page.unmount();
  });

  it('when the chosen target reaches nobody, then it is marked, nothing can be sent, and the server’s refusal shows', async () => {
    const refusal = '「新设界别」在您的管辖范围内没有可通知的人，请移除后再发送';
    setHandlers({ ...staffHandlers });
    wx().cloud.callFunction = wrapSend(wx().cloud.callFunction, refusal);
    const page = await renderPage('staff/notices/compose');
    await waitForText(page, '新设界别');
    await tapText(page, '新设界别');
    let text = await waitForText(page, '将发送给 0 人', 3000);
    expect(text).toContain('新设界别 0 人');
    const before = callsOf('send').length;
    await tapText(page, '发送');
    expect(callsOf('send').length).toBe(before);
    // With a sector that reaches people as well, the server still refuses the empty one, by name.
    await tapText(page, '教育界');
    await waitForText(page, '发送（3 人）', 3000);
    await tapText(page, '发送（3 人）');
    text = await waitForText(page, refusal, 3000);
    expect(text).toContain(refusal);
    wx().cloud.callFunction = wx().cloud.callFunction.original;
    page.unmount();
  });

  it('when staff add files, then PDFs and images are uploaded to their folder and listed with size; others are refused with a reason; 删除 removes one', async () => {
    const uploads: string[] = [];
    wx().chooseMessageFile = (opts: { success?: (r: unknown) => void }) => {
      const res = {
        errMsg: 'chooseMessageFile:ok',
        tempFiles: [
          { path: 'wxfile://tmp/a.pdf', name: '学习材料.pdf', size: 1_258_291, type: 'file' },
          { path: 'wxfile://tmp/b.png', name: '会场示意图.png', size: 204_800, type: 'file' },
          { path: 'wxfile://tmp/c.docx', name: '报名表.docx', size: 30_000, type: 'file' },
          { path: 'wxfile://tmp/d.pdf', name: '超大文件.pdf', size: 25 * 1024 * 1024, type: 'file' },
        ],
      };
      opts.success?.(res);
      return Promise.resolve(res);
    };
    wx().cloud.uploadFile = (opts: { cloudPath: string; success?: (r: unknown) => void }) => {
      uploads.push(opts.cloudPath);
      const res = { errMsg: 'cloud.uploadFile:ok', fileID: `cloud://env.bucket/${opts.cloudPath}` };
      opts.success?.(res);
      return Promise.resolve(res);
    };
    const page = await renderPage('staff/notices/compose');
    await waitForText(page, '添加附件');
    await tapText(page, '添加附件');
    let text = await waitForText(page, '会场示意图.png', 3000);
    expect(text).toContain('学习材料.pdf');
    expect(text).toContain('1.2 MB');
    expect(text).toContain('200 KB');
    expect(text).toContain('「报名表.docx」不是 PDF 或图片');
    expect(text).toContain('「超大文件.pdf」有 25 MB，每个附件不能超过 20 MB');
    expect(uploads).toHaveLength(2);
    for (const p of uploads) expect(p).toMatch(/^notice-files\/o_staff\/\d+-\w+\.(pdf|png)$/);
    await tapText(page, '删除'); // the last one's
    await settle();
    text = page.text();
    expect(text).toContain('学习材料.pdf');
    expect(text).not.toContain('会场示意图.png');
    page.unmount();
  });
});

describe('staff/notices/detail', () => {
  beforeEach(() => setHandlers(staffHandlers));

  it('when the follow-up opens, then it shows the counts and a row per person with read, push and reply', async () => {
    const page = await renderPage('staff/notices/detail', { id: 'n1' });
    const text = await waitForText(page, '王芳');
    expect(text).toContain('关于召开界别委员座谈会的通知');
    expect(text).toContain('会议议程.pdf');
    expect(text).toMatch(/3\s*接收人/);
    expect(text).toMatch(/1\/3\s*已读 33%/);
    expect(text).toMatch(/1 \/ 0\s*参加 \/ 不参加/);
    expect(text).toContain('已读 11-23 10:05');
    expect(text).toContain('未订阅或订阅次数已用完');
    expect(text).toContain('参加');
    expect(text).toContain('未回执');
    expect(callsOf('followUp').at(-1)?.input).toMatchObject({ id: 'n1', filter: 'all' });
    page.unmount();
  });

  it('when staff tap 提醒未读 and confirm, then the unread are reminded', async () => {
    const page = await renderPage('staff/notices/detail', { id: 'n1' });
    await waitForText(page, '王芳');
    const before = callsOf('remind').length;
    await tapText(page, '提醒未读');
    await settle();
    expect(callsOf('remind').length).toBe(before + 1);
    expect(callsOf('remind').at(-1)).toMatchObject({ input: { id: 'n1' }, requestId: expect.any(String) });
    page.unmount();
  });

  it('when a scheduled notice is cancelled after confirming, then notice.cancel is called and the page shows 已取消', async () => {
    let status = 'scheduled';
    setHandlers({
      ...staffHandlers,
      'notice.followUp': () => ({ ...followUp(status), notice: { ...followUp(status).notice, ...cancelled(status) } }),
      'notice.cancel': (input: { id: string }) => {
        status = 'cancelled';
        return { _id: input.id, status };
      },
    });
    const page = await renderPage('staff/notices/detail', { id: 'n1' });
    let text = await waitForText(page, '取消发送');
    expect(text).toContain('定时待发');
    expect(text).toContain('发出前可以取消');
    await tapText(page, '取消发送');
    text = await waitForText(page, '这条通知没有发出', 3000);
    expect(text).toContain('已取消');
    expect(text).toContain('已由 王静');
    expect(callsOf('cancel').at(-1)?.input).toEqual({ id: 'n1' });
    page.unmount();
  });
});

describe('staff/notices/detail while sending', () => {
  /** The page asks again every 3 s while some are still to reach (PROGRESS_POLL_MS). */
  const POLL_MS = 3000;

  /** A notice going out: each follow-up call finds one more delivered, until all three are. */
  const sending = () => {
    let delivered = 0;
    return () => {
      delivered = Math.min(3, delivered + 1);
      const base = followUp(delivered < 3 ? 'sending' : 'sent');
      return { ...base, counts: { ...base.counts, delivered, pending: 3 - delivered } };
    };
  };

  it('when a notice is still going out, then 待送达 counts down by itself and the asking stops at 0', async () => {
    setHandlers({ ...staffHandlers, 'notice.followUp': sending() });
    const page = await renderPage('staff/notices/detail', { id: 'n1' });
    let text = await waitForText(page, '待送达');
    expect(text).toMatch(/2\s*待送达/);
    expect(text).toMatch(/1\s*站内送达/);
    text = await waitForText(page, '0 待送达', 2 * POLL_MS + 1000);
    expect(text).toMatch(/\b0\s*待送达/);
    expect(text).toMatch(/3\s*站内送达/);
    expect(text).toContain('已送达');
    const asked = callsOf('followUp').length;
    await new Promise((r) => setTimeout(r, POLL_MS + 500));
    expect(callsOf('followUp').length).toBe(asked);
    page.unmount();
  });

  it('when the sender leaves the page while the notice is going out, then nothing more is asked', async () => {
    setHandlers({ ...staffHandlers, 'notice.followUp': sending() });
    const page = await renderPage('staff/notices/detail', { id: 'n1' });
    expect(await waitForText(page, '待送达')).toMatch(/2\s*待送达/);
    const asked = callsOf('followUp').length;
    page.unmount();
    await new Promise((r) => setTimeout(r, POLL_MS + 500));
    expect(callsOf('followUp').length).toBe(asked);
  });
});

function cancelled(status: string) {
  return status === 'cancelled' ? { cancelledAt: '2026-11-23T04:00:00.000Z', cancelledByName: '王静' } : {};
}

/** Answers notice.send with a refusal of the targets, as the server does for a target reaching nobody. */
function wrapSend(original: (o: unknown) => Promise<unknown>, message: string) {
  const wrapped = (opts: { data: { action: string } }) =>
    opts.data.action === 'send'
      ? (cloudCalls().push({ name: 'notice', action: 'send', input: null }),
        Promise.resolve({
          result: { ok: false, error: { code: 'VALIDATION', message, fields: { targets: message } } },
        }))
      : original(opts);
  return Object.assign(wrapped, { original });
}
