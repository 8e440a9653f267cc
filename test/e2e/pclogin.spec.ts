import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Signing in on a PC by scan (issue 12), on the emulator at 1280×800: the console shows a code;
 * a staff member "scans" it by opening the confirm page as themselves in a second page and
 * confirms; the console is signed in as them; they sign out and the code is back.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `pclogin-${name}.png`), fullPage: true });

test.use({ viewport: { width: 1280, height: 800 } });

test('a PC shows a code, a staff member confirms it on the phone, the PC is signed in as them, then signs out', async ({
  page,
  browser,
}) => {
  // Sent to sign in from the queue (a link, a reload after the session ended): it returns there.
  await page.goto(`/#/account/login?next=${encodeURIComponent('/staff/concerns/index')}`);
  await expect(page.locator('.weblogin__img img, img.weblogin__img').first()).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, /后过期，只能使用一次/)).toBeVisible();
  await shot(page, '1-code');

  // The "scan": the confirm page the code opens, as 会宁 staff (the emulator's chosen account).
  const confirmUrl = await page.locator('.weblogin__demo a').getAttribute('href');
  expect(confirmUrl).toMatch(/#\/account\/weblogin\?scene=[a-f0-9]{24}$/);
  // Another browser (its own storage), as the phone is another device.
  const phone = await (
    await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } })
  ).newPage();
  await phone.goto('/');
  await phone.evaluate(() => localStorage.setItem('lxq_openid', 'o_staff_huining'));
  await phone.goto(confirmUrl!);
  await phone.reload();
  await expect(shown(phone, '在电脑上登录连心桥？')).toBeVisible({ timeout: 20_000 });
  await expect(shown(phone, /设备：Chrome · /)).toBeVisible();
  await phone.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'pclogin-2-phone.png') });
  await button(phone, '确认登录').click();
  await expect(shown(phone, '已在电脑上登录')).toBeVisible();

  // The console opens, signed in as that person, with their scope.
  await expect(page).toHaveURL(/staff\/concerns\/index/, { timeout: 20_000 });
  const me = await page.evaluate(async () => {
    const res = await fetch('/__cloud/callFunction', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${localStorage.getItem('lxq_web_token')}` },
      body: JSON.stringify({ name: 'account', data: { action: 'me', input: {} } }),
    });
    return ((await res.json()) as { result: { data: { openid: string; roles: string[] } } }).result.data;
  });
  expect(me.openid).toBe('o_staff_huining');
  expect(me.roles).toContain('staff');
  await expect(shown(page, /待受理/)).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '工作台仅供政协工作人员使用')).toBeHidden();
  await shot(page, '3-console');

  // The phone sees the PC among its devices; the PC signs out from 我的.
  await phone.goto('/#/pages/me/index');
  await phone.reload();
  await expect(shown(phone, '已登录的设备')).toBeVisible({ timeout: 20_000 });
  await expect(shown(phone, /Chrome · /)).toBeVisible();

  await page.goto('/#/pages/me/index');
  await page.reload();
  await expect(shown(page, /本机已通过扫码登录/)).toBeVisible({ timeout: 20_000 });
  await shot(page, '4-me');
  await button(page, '退出登录').click();
  await expect(page).toHaveURL(/account\/login/);
  await expect(shown(page, /后过期，只能使用一次/)).toBeVisible({ timeout: 20_000 });
  await shot(page, '5-signed-out');
});

test('a PC ended from the phone (下线) shows its sign-in code again on its next call', async ({ page, browser }) => {
  await page.goto('/#/account/login');
  await expect(shown(page, /后过期，只能使用一次/)).toBeVisible({ timeout: 20_000 });
  const confirmUrl = await page.locator('.weblogin__demo a').getAttribute('href');
  const phone = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await phone.goto('/');
  await phone.evaluate(() => localStorage.setItem('lxq_openid', 'o_staff_huining'));
  await phone.goto(confirmUrl!);
  await phone.reload();
  await button(phone, '确认登录').click();
  // Asked for nothing in particular: the console's first page, the dashboard.
  await expect(page).toHaveURL(/staff\/dashboard\/index/, { timeout: 20_000 });

  await phone.goto('/#/pages/me/index');
  await phone.reload();
  await button(phone, '下线').click();
  await expect(shown(phone, '没有在电脑上登录的设备')).toBeVisible({ timeout: 20_000 });

  await page.reload();
  await expect(page).toHaveURL(/account\/login/, { timeout: 20_000 });
  await expect(shown(page, /后过期，只能使用一次/)).toBeVisible({ timeout: 20_000 });
});

test('a refused scan says so on both screens', async ({ page, browser }) => {
  await page.goto('/#/account/login');
  await expect(shown(page, /后过期，只能使用一次/)).toBeVisible({ timeout: 20_000 });
  const confirmUrl = await page.locator('.weblogin__demo a').getAttribute('href');
  const phone = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await phone.goto('/');
  await phone.evaluate(() => localStorage.setItem('lxq_openid', 'o_staff_huining'));
  await phone.goto(confirmUrl!);
  await button(phone, '拒绝').click();
  await expect(shown(phone, '已拒绝这次登录')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '已在手机上拒绝登录')).toBeVisible({ timeout: 20_000 });
  await shot(page, '6-refused');
});
