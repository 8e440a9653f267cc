import { citizenMe, handlersFor, workstation } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, tapText, waitForText } from './helpers/simulate';

const base = handlersFor(citizenMe);

beforeAll(() => bootApp(base));

describe('weapp concern submit form', () => {
  it('when 提交 is tapped without consent, then it asks for consent and sends nothing', async () => {
    const page = await renderPage('pages/concern/submit', {
      workstationId: 'ws_1',
      name: encodeURIComponent(workstation.name),
    });
    await waitForText(page, '诉求类别');
    const before = cloudCalls().filter((c) => c.action === 'submit').length;
    await tapText(page, '提交');
    const text = await waitForText(page, '请阅读并同意隐私说明');
    expect(text).toContain('请阅读并同意隐私说明');
    expect(cloudCalls().filter((c) => c.action === 'submit').length).toBe(before);
    page.unmount();
  });

  it('when the server answers VALIDATION, then each message shows under its field and the retry gets a new requestId', async () => {
    const seen: string[] = [];
    // The fake cloud answers this submit with a refusal, as the server would.
    const wx = (globalThis as unknown as { wx: { cloud: { callFunction: (o: unknown) => Promise<unknown> } } }).wx;
    const original = wx.cloud.callFunction;
    wx.cloud.callFunction = (opts: unknown) => {
      const o = opts as { name: string; data: { action: string; requestId?: string } };
      if (o.data.action !== 'submit') return original(opts);
      seen.push(String(o.data.requestId));
      return Promise.resolve({
        result: {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: '填写的内容有误',
            fields: { title: '标题至少 4 个字', category: '请选择类别' },
          },
        },
      });
    };
    const page = await renderPage('pages/concern/submit', { workstationId: 'ws_1', name: 'x' });
    await waitForText(page, '诉求类别');
    await tapText(page, '我已阅读并同意');
    await tapText(page, '提交');
    const text = await waitForText(page, '标题至少 4 个字');
    expect(text).toContain('标题至少 4 个字');
    expect(text).toContain('请选择类别');
    await tapText(page, '提交');
    await waitForText(page, '标题至少 4 个字');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // A refusal changed nothing, so the corrected form is a new request.
    expect(seen[1]).not.toBe(seen[0]);
    wx.cloud.callFunction = original;
    page.unmount();
  });

  it('when the network fails, then the retry reuses the same requestId and success shows 查看我的诉求', async () => {
    const seen: string[] = [];
    const wx = (globalThis as unknown as { wx: { cloud: { callFunction: (o: unknown) => Promise<unknown> } } }).wx;
    const original = wx.cloud.callFunction;
    wx.cloud.callFunction = (opts: unknown) => {
      const o = opts as { data: { action: string; requestId?: string } };
      if (o.data.action !== 'submit') return original(opts);
      seen.push(String(o.data.requestId));
      if (seen.length === 1) return Promise.reject(new Error('cloud.callFunction:fail timeout'));
      return Promise.resolve({ result: { ok: true, data: { _id: 'c9', status: 'submitted' } } });
    };
    const page = await renderPage('pages/concern/submit', { workstationId: 'ws_1', name: 'x' });
    await waitForText(page, '诉求类别');
    await tapText(page, '我已阅读并同意');
    await tapText(page, '提交');
    const failed = await waitForText(page, '网络不给力');
    expect(failed).toContain('网络不给力，请检查网络后重试');
    await tapText(page, '重新提交');
    const done = await waitForText(page, '提交成功');
    expect(done).toContain('查看我的诉求');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    wx.cloud.callFunction = original;
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
      return Promise.resolve({ result: { ok: true, data: { _id: 'c10', status: 'submitted' } } });
    };
    const page = await renderPage('pages/concern/submit', { workstationId: 'ws_1', name: 'x' });
    await waitForText(page, '诉求类别');
    await tapText(page, '我已阅读并同意');
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
