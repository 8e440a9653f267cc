/**
 * Notices, the parts added to compose and reading: attachments (only the sender's own uploads),
 * cancelling a scheduled notice (never delivered, even when the timer fires at the same moment),
 * and a first read that is audited within the member's 4 database round trips.
 */
import type { ActionInput } from '@lxq/types';
import { startSystem, WHO, type System } from './system';
import { all, drainQueue } from './notice-helpers';

let sys: System;
let member: { _id: string; openid: string; name: string };
const staff = () => sys.as(WHO.huiningStaff);

beforeAll(async () => {
  sys = await startSystem();
  // A 会宁 member bound to WeChat: the county's staff may send to them.
  member = (await all(sys, 'users', { unitPath: 'u-huining', roles: 'member' })).find((u) => u.openid);
}, 60_000);
afterAll(() => sys.stop());

const PDF = Buffer.from('%PDF-1.4\n% 学习材料\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Uploads as the h5 client does (the emulator's upload endpoint) and answers the fileID. */
async function upload(cloudPath: string, content: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([content]), cloudPath.split('/').pop());
  form.append('cloudPath', cloudPath);
  // as the folder's owner: the emulator lets a client write only in its own folder
  const headers = { 'X-WX-OPENID': cloudPath.split('/')[1] };
  const res = await fetch(`${sys.emulator.url}/__cloud/upload`, { method: 'POST', headers, body: form });
  expect(res.status).toBe(200);
  return ((await res.json()) as { fileID: string }).fileID;
}

const compose = (extra: Partial<ActionInput<'notice.send'>> = {}) =>
  ({
    title: '关于开展专题学习的通知',
    body: '学习材料见附件。',
    targets: { sectorIds: [], committeeIds: [], workstationIds: [], roles: [], userIds: [member._id] },
    ...extra,
  }) as ActionInput<'notice.send'>;

const inbox = async (noticeId: string) =>
  (await all(sys, 'inbox', { openid: member.openid })).filter((i) => i.refId === noticeId);

describe('attachments', () => {
  test('when staff attach a PDF and an image they uploaded, then the member sees both and opens them by a temporary link', async () => {
    const pdf = await upload(`notice-files/${WHO.huiningStaff}/a-1.pdf`, PDF);
    const png = await upload(`notice-files/${WHO.huiningStaff}/a-2.png`, PNG);
    const sent = await staff().ok(
      'notice.send',
      compose({
        attachments: [
          { fileId: pdf, name: '学习材料.pdf', kind: 'pdf', size: PDF.length },
          { fileId: png, name: '会场示意图.png', kind: 'image', size: PNG.length },
        ],
      }),
    );
    await drainQueue(sys, sent._id);
    const view = await sys.as(member.openid).ok('notice.get', { id: sent._id });
    expect(view.attachments.map((a) => [a.name, a.kind, a.size])).toEqual([
      ['学习材料.pdf', 'pdf', PDF.length],
      ['会场示意图.png', 'image', PNG.length],
    ]);
    const got = Buffer.from(await (await fetch(view.attachments[0].url)).arrayBuffer());
    expect(got.equals(PDF)).toBe(true);
    const f = await staff().ok('notice.followUp', { id: sent._id });
    expect(f.notice.attachments).toEqual([
      { name: '学习材料.pdf', kind: 'pdf', size: PDF.length },
      { name: '会场示意图.png', kind: 'image', size: PNG.length },
    ]);
  });

  test('when a file is not the sender’s own upload, is missing or is not what it claims, then sending is refused by field and nothing is stored', async () => {
    const others = await upload(`notice-files/${WHO.jingyuanStaff}/b.pdf`, PDF);
    const loose = await upload(`uploads/2026-11/c.pdf`, PDF);
    const png = await upload(`notice-files/${WHO.huiningStaff}/d.png`, PNG);
    const gone = others.replace(`${WHO.jingyuanStaff}/b.pdf`, `${WHO.huiningStaff}/never.pdf`);
    const before = (await sys.db.collection('notices').count()).total;
    const cases: [ActionInput<'notice.send'>['attachments'], string, RegExp][] = [
      [[{ fileId: others, name: '别人的.pdf', kind: 'pdf' }], 'attachments.0', /不是您上传的文件/],
      [[{ fileId: loose, name: '散落的.pdf', kind: 'pdf' }], 'attachments.0', /不是您上传的文件/],
      [
        [{ fileId: 'https://example.invalid/x.pdf', name: '网址.pdf', kind: 'pdf' }],
        'attachments.0',
        /不是您上传的文件/,
      ],
      [[{ fileId: gone, name: '已删除.pdf', kind: 'pdf' }], 'attachments.0', /已不在云存储中/],
      [[{ fileId: png, name: '图片.pdf', kind: 'pdf' }], 'attachments.0', /不是 PDF 文件/],
      [
        [{ fileId: png, name: '大图.png', kind: 'image', size: 21 * 1024 * 1024 }],
        'attachments.0.size',
        /不能超过 20 MB/,
      ],
      [
        Array.from({ length: 10 }, (_, i) => ({ fileId: png, name: `图${i}.png`, kind: 'image' as const })),
        'attachments',
        /附件最多 9 个/,
      ],
    ];
    for (const [attachments, field, message] of cases) {
      const res = await staff().call('notice.send', compose({ attachments }));
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.fields?.[field]).toMatch(message);
    }
    expect((await sys.db.collection('notices').count()).total).toBe(before);
  });
});

describe('cancelling a scheduled notice', () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  test('when staff cancel it before it is due, then it is 已取消 in the list, audited, and never delivered', async () => {
    const sent = await staff().ok('notice.send', compose({ title: '将被取消的通知', sendAt: inAnHour() }));
    expect(sent).toMatchObject({ status: 'scheduled', recipientCount: 1 });
    const requestId = 'req_cancel_once_1';
    const res = await staff().ok('notice.cancel', { id: sent._id }, requestId);
    expect(res).toEqual({ _id: sent._id, status: 'cancelled' });
    // A retry of the same request answers the same; a new request is refused with the reason.
    expect(await staff().ok('notice.cancel', { id: sent._id }, requestId)).toEqual(res);
    const again = await staff().call('notice.cancel', { id: sent._id });
    expect(again.ok ? '' : again.error.message).toBe('这条通知已经取消了');

    const list = await staff().ok('notice.list', {});
    expect(list.items.find((n) => n._id === sent._id)?.status).toBe('cancelled');
    const f = await staff().ok('notice.followUp', { id: sent._id });
    expect(f.notice).toMatchObject({ status: 'cancelled', cancelledByName: expect.any(String) });
    expect(f.notice.cancelledAt).not.toBe('');
    const audit = (await all(sys, 'audit', { target: `notices/${sent._id}` })).filter(
      (a) => a.action === 'notice.cancel',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ status: 'cancelled' });

    // Its time comes: the timer passes it by.
    await sys.db
      .collection('notices')
      .doc(sent._id)
      .update({ data: { sendAt: new Date(Date.now() - 1000) } });
    await sys.emulator.fireTimer('notice', 'deliver');
    expect(await inbox(sent._id)).toHaveLength(0);
    expect(await all(sys, 'notice_recipients', { noticeId: sent._id })).toHaveLength(0);
    const remind = await staff().call('notice.remind', { id: sent._id });
    expect(remind.ok ? '' : remind.error.code).toBe('INVALID_STATE');
  });

  test('when the timer fires at the same moment as the cancel, then exactly one wins: cancelled and nothing delivered, or sent and the cancel refused', async () => {
    const outcomes: string[] = [];
    // One starts a little before the other, by a different margin each round (negative: the cancel
    // waits), so the two meet at different points of each other's work.
    const offsets = [-30, -20, -12, -6, -2, 0, 2, 6, 12, 20, 30];
    const wait = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
    for (const [round, offset] of offsets.entries()) {
      const sent = await staff().ok('notice.send', compose({ title: `同时取消 ${round}`, sendAt: inAnHour() }));
      await sys.db
        .collection('notices')
        .doc(sent._id)
        .update({ data: { sendAt: new Date(Date.now() - 1000) } });
      const [cancel] = await Promise.all([
        wait(-offset).then(() => staff().call('notice.cancel', { id: sent._id })),
        wait(offset).then(() => sys.emulator.fireTimer('notice', 'deliver')),
      ]);
      const [notice] = await all(sys, 'notices', { _id: sent._id });
      if (cancel.ok) {
        expect(notice.status).toBe('cancelled');
        await sys.emulator.fireTimer('notice', 'deliver');
        expect(await all(sys, 'notice_recipients', { noticeId: sent._id })).toHaveLength(0);
        expect(await all(sys, 'notice_queue', { noticeId: sent._id })).toHaveLength(0);
        expect(await inbox(sent._id)).toHaveLength(0);
        outcomes.push('cancelled');
      } else {
        expect(cancel.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/已开始发送/) });
        expect(notice.status).not.toBe('cancelled');
        await drainQueue(sys, sent._id);
        expect(await inbox(sent._id)).toHaveLength(1);
        outcomes.push('sent');
      }
    }
    console.log(`cancel vs timer at the same moment: ${outcomes.join(', ')}`);
  }, 120_000);

  test('when staff of another county try to cancel, then they are refused', async () => {
    const sent = await staff().ok('notice.send', compose({ title: '越权取消', sendAt: inAnHour() }));
    const res = await sys.as(WHO.jingyuanStaff).call('notice.cancel', { id: sent._id });
    expect(res.ok ? '' : res.error.code).toBe('FORBIDDEN');
    expect((await all(sys, 'notices', { _id: sent._id }))[0].status).toBe('scheduled');
  });
});

describe('reading', () => {
  const trips = async (fn: () => Promise<unknown>) => {
    const before = sys.emulator.database.roundTrips;
    await fn();
    return sys.emulator.database.roundTrips - before;
  };

  test('when a member opens a notice, then the first open is read and audited once within 4 round trips, and reopening writes nothing', async () => {
    const sent = await staff().ok(
      'notice.send',
      compose({
        title: '关于参加界别协商会的通知',
        meeting: {
          at: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          place: '县政协三楼会议室',
          replyBy: new Date(Date.now() + 4 * 86_400_000).toISOString(),
        },
      }),
    );
    await drainQueue(sys, sent._id);
    const me = sys.as(member.openid);
    const figures: Record<string, number> = {};
    let listed: Awaited<ReturnType<typeof me.ok<'account.listInbox'>>> | null = null;
    figures['account.listInbox'] = await trips(async () => {
      listed = await me.ok('account.listInbox', {});
    });
    const unread = listed!.unread;
    figures['notice.get（首次打开）'] = await trips(() => me.ok('notice.get', { id: sent._id }));
    const audited = () => all(sys, 'audit', { target: `notices/${sent._id}/read/${member.openid}` });
    expect(await audited()).toHaveLength(1);
    const auditCount = (await sys.db.collection('audit').count()).total;
    figures['notice.get（再次打开）'] = await trips(() => me.ok('notice.get', { id: sent._id }));
    expect((await sys.db.collection('audit').count()).total).toBe(auditCount);
    expect((await me.ok('account.listInbox', {})).unread).toBe(unread - 1);
    figures['notice.reply'] = await trips(() => me.ok('notice.reply', { id: sent._id, attending: true }));
    const other = (await all(sys, 'inbox', { openid: member.openid })).find((i) => !i.readAt);
    figures['account.readInbox'] = await trips(() => me.ok('account.readInbox', { id: other?._id ?? 'none' }));
    console.log(`member round trips: ${JSON.stringify(figures)}`);
    for (const [name, n] of Object.entries(figures)) expect([name, n <= 4]).toEqual([name, true]);
    expect(figures['notice.get（再次打开）']).toBe(1);
    const f = await staff().ok('notice.followUp', { id: sent._id, filter: 'read' });
    expect(f.items.map((r) => r.name)).toEqual([member.name]);
    expect(f.counts).toMatchObject({ read: 1, attending: 1 });
  });

  test('when a member opens it twice at the same moment, then it is read once and audited once', async () => {
    const sent = await staff().ok('notice.send', compose({ title: '同时打开两次' }));
    await drainQueue(sys, sent._id);
    const me = sys.as(member.openid);
    const [a, b] = await Promise.all([me.ok('notice.get', { id: sent._id }), me.ok('notice.get', { id: sent._id })]);
    expect(a.readAt).not.toBe('');
    expect(b.readAt).not.toBe('');
    const audited = await all(sys, 'audit', { target: `notices/${sent._id}/read/${member.openid}` });
    expect(audited).toHaveLength(1);
  });
});
