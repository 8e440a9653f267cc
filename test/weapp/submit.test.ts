import { citizenMe, handlersFor, workstation } from './helpers/fixtures';
import { fieldText, typeInField } from './helpers/forms';
import {
  bootApp,
  cloudCalls,
  renderPage,
  setHandlers,
  tapText,
  waitForText,
  type RenderedPage,
} from './helpers/simulate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const base = handlersFor(citizenMe);
const wx = () => (globalThis as unknown as { wx: Any }).wx;

/** The phone's storage, kept across renders as WeChat keeps it across visits. */
const storage = new Map<string, unknown>();
const alerts: string[] = [];
beforeAll(() => {
  bootApp(base);
  setHandlers({
    ...base,
    'concern.submit': () => ({
      _id: 'c7',
      status: 'submitted',
      acceptDueAt: '2026-12-01T10:00:00.000Z',
      replyDueAt: null,
    }),
    'account.recordSubscriptions': () => ({ recorded: 1 }),
  });
  Object.assign(wx(), {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, JSON.parse(JSON.stringify(v))),
    removeStorageSync: (k: string) => void storage.delete(k),
    enableAlertBeforeUnload: (o: { message: string }) => void alerts.push(o.message),
    disableAlertBeforeUnload: () => undefined,
  });
});
beforeEach(() => storage.clear());

const open = async () => {
  const page = await renderPage('pages/concern/submit', {
    workstationId: 'ws_1',
    name: encodeURIComponent(workstation.name),
  });
  await waitForText(page, '诉求类别');
  return page;
};
const fillValid = async (page: RenderedPage) => {
  await tapText(page, '交通出行');
  await typeInField(page, '标题', '公园路口红绿灯时间太短');
  await typeInField(page, '具体内容', '公园路与北京路交叉口的人行绿灯只有15秒，老人和孩子过马路来不及。');
  await tapText(page, '我已阅读并同意');
};
const submits = () => cloudCalls().filter((c) => c.action === 'submit');

describe('weapp concern submit form', () => {
  it('when 提交 is tapped on an empty form, then every missing field says so at once and nothing is sent or asked', async () => {
    const page = await open();
    const before = submits().length;
    let asked = 0;
    wx().requestSubscribeMessage = (o: Any) => {
      asked += 1;
      o?.success?.({ errMsg: 'requestSubscribeMessage:ok' });
    };
    await tapText(page, '提交');
    const text = await waitForText(page, '请阅读并同意隐私说明');
    for (const m of ['请选择类别', '请填写标题', '请填写内容', '请阅读并同意隐私说明']) expect(text).toContain(m);
    expect(submits().length).toBe(before);
    expect(asked).toBe(0);
    page.unmount();
  });

  it('when the title is too long, then the counter says by how much instead of cutting it', async () => {
    const page = await open();
    await typeInField(page, '标题', '一'.repeat(45));
    expect(fieldText(page, '标题')).toContain('超出 5 字');
    expect(fieldText(page, '标题')).toContain('45/40');
    page.unmount();
  });

  it('when the page is left mid-form and opened again, then the draft is restored, and a stored concern clears it', async () => {
    let page = await open();
    await typeInField(page, '标题', '公园路口红绿灯时间太短');
    await typeInField(page, '具体内容', '公园路与北京路交叉口的人行绿灯只有15秒。');
    expect(alerts.some((m) => m.startsWith('放弃填写？'))).toBe(true);
    page.unmount();

    page = await open();
    expect(await waitForText(page, '已恢复上次未提交的内容')).toContain('已恢复上次未提交的内容');
    const data = JSON.stringify(page.data());
    expect(data).toContain('公园路口红绿灯时间太短');
    await tapText(page, '交通出行');
    await tapText(page, '我已阅读并同意');
    await tapText(page, '提交');
    expect(await waitForText(page, '提交成功')).toContain('受理编号');
    expect([...storage.keys()].filter((k) => k.startsWith('concern-draft:'))).toEqual([]);
    page.unmount();
  });

  it('when the server answers VALIDATION, then each message shows under its field and the retry gets a new requestId', async () => {
    const seen: string[] = [];
    const original = wx().cloud.callFunction;
    wx().cloud.callFunction = (opts: Any) => {
      if (opts.data.action !== 'submit') return original(opts);
      seen.push(String(opts.data.requestId));
      return Promise.resolve({
        result: {
          ok: false,
          error: { code: 'VALIDATION', message: '填写的内容有误', fields: { title: '标题含有不当内容' } },
        },
      });
    };
    const page = await open();
    await fillValid(page);
    await tapText(page, '提交');
    expect(await waitForText(page, '标题含有不当内容')).toContain('标题含有不当内容');
    await tapText(page, '提交');
    await waitForText(page, '标题含有不当内容');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // A refusal changed nothing, so the corrected form is a new request.
    expect(seen[1]).not.toBe(seen[0]);
    wx().cloud.callFunction = original;
    page.unmount();
  });

  it('when the network fails, then the retry reuses the same requestId and success shows the reference and due date', async () => {
    const seen: string[] = [];
    const original = wx().cloud.callFunction;
    wx().cloud.callFunction = (opts: Any) => {
      if (opts.data.action !== 'submit') return original(opts);
      seen.push(String(opts.data.requestId));
      if (seen.length === 1) return Promise.reject(new Error('cloud.callFunction:fail timeout'));
      return Promise.resolve({
        result: {
          ok: true,
          data: { _id: 'c9abcdef0123', status: 'submitted', acceptDueAt: '2026-12-01T10:00:00.000Z', replyDueAt: null },
        },
      });
    };
    const page = await open();
    await fillValid(page);
    await tapText(page, '提交');
    expect(await waitForText(page, '网络不稳定')).toContain('已填的内容保存在手机上');
    await tapText(page, '重新提交');
    const done = await waitForText(page, '提交成功');
    expect(done).toContain('EF0123');
    expect(done).toContain('12月1日 18:00 前受理');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    wx().cloud.callFunction = original;
    page.unmount();
  });

  it('when the function times out on the platform (-504003), then the form is kept, it says so in Chinese, and the retry reuses the requestId', async () => {
    const seen: string[] = [];
    const wx = (globalThis as unknown as { wx: { cloud: { callFunction: (o: unknown) => Promise<unknown> } } }).wx;
    const original = wx.cloud.callFunction;
    wx.cloud.callFunction = (opts: unknown) => {
      const o = opts as { data: { action: string; requestId?: string } };
      if (o.data.action !== 'submit') return original(opts);
      seen.push(String(o.data.requestId));
      if (seen.length === 1)
        return Promise.reject({
          errCode: -504003,
          errMsg: 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 10 seconds',
        });
      return Promise.resolve({
        result: { ok: true, data: { _id: 'c10', status: 'submitted', acceptDueAt: null, replyDueAt: null } },
      });
    };
    const page = await open();
    await fillValid(page);
    await tapText(page, '提交');
    const failed = await waitForText(page, '服务器这次没有处理完');
    expect(failed).toContain('填写的内容已保留');
    expect(failed).not.toContain('网络不给力');
    await tapText(page, '重新提交');
    const done = await waitForText(page, '提交成功');
    expect(done).toContain('查看我的诉求');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    wx.cloud.callFunction = original;
    page.unmount();
  });
});
