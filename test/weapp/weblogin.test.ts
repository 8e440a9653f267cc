/**
 * The mini-program side of signing in on a PC (issue 12): the page a scan of the PC's code
 * opens, and 我的 → 已登录的设备.
 */
import { handlersFor, staffMe } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, tapText, waitForText } from './helpers/simulate';

const LOGIN_ID = 'a1b2c3d4e5f6a1b2c3d4e5f6';

beforeAll(() =>
  bootApp({
    ...handlersFor(staffMe),
    'account.webLoginInspect': () => ({
      device: 'Chrome · Windows',
      startedAt: '2025-03-01T02:30:05.000Z',
      expiresAt: '2025-03-01T02:32:05.000Z',
    }),
    'account.webLoginConfirm': () => ({ device: 'Chrome · Windows' }),
    'account.webLoginRefuse': () => ({ refused: true }),
    'account.listSessions': () => ({
      items: [
        {
          _id: 'f'.repeat(24),
          device: 'Edge · Windows',
          createdAt: '2025-03-01T01:00:00.000Z',
          expiresAt: '2025-03-08T01:00:00.000Z',
          current: false,
        },
      ],
    }),
    'account.endSession': () => ({ ended: true }),
  }),
);

describe('weapp: signing in on a PC', () => {
  it('when a scan opens the confirm page, then it asks 在电脑上登录连心桥？ with the device and time, and 确认登录 signs that PC in', async () => {
    const page = await renderPage('account/weblogin', { scene: LOGIN_ID });
    const text = await waitForText(page, 'Chrome · Windows');
    expect(text).toContain('在电脑上登录连心桥？');
    expect(text).toContain('设备：Chrome · Windows');
    expect(text).toContain('时间：03-01 10:30:05');
    expect(cloudCalls().find((c) => c.action === 'webLoginInspect')?.input).toEqual({ id: LOGIN_ID });
    await tapText(page, '确认登录');
    const done = await waitForText(page, '已在电脑上登录');
    expect(done).toContain('已登录的设备');
    const confirm = cloudCalls().find((c) => c.action === 'webLoginConfirm');
    expect(confirm?.input).toEqual({ id: LOGIN_ID });
    expect(confirm?.requestId).toMatch(/^[\w-]{16,}$/);
    page.unmount();
  });

  it('when the person taps 拒绝, then the login is refused and the page says so', async () => {
    const page = await renderPage('account/weblogin', { scene: LOGIN_ID });
    await waitForText(page, 'Chrome · Windows');
    await tapText(page, '拒绝');
    expect(await waitForText(page, '已拒绝这次登录')).toContain('不会登录');
    expect(cloudCalls().find((c) => c.action === 'webLoginRefuse')?.input).toEqual({ id: LOGIN_ID });
    page.unmount();
  });

  it('when staff open 我的, then the PCs signed in as them are listed with 下线, which ends that session', async () => {
    const page = await renderPage('pages/me/index');
    const text = await waitForText(page, 'Edge · Windows');
    expect(text).toContain('已登录的设备');
    expect(text).toContain('登录于 2025-03-01 09:00');
    expect(text).not.toContain('退出登录');
    await tapText(page, '下线');
    await waitForText(page, 'Edge · Windows');
    expect(cloudCalls().find((c) => c.action === 'endSession')?.input).toEqual({ id: 'f'.repeat(24) });
    page.unmount();
  });
});
