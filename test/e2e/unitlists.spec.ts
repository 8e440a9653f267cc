import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Issue 17: a unit's own concern categories reach the citizen's form. 靖远 (no other journey files
 * there) is given its own list; the form at one of its stations offers it, not the built-in one,
 * and a concern under one of its categories is accepted. Screenshots at phone and PC sizes.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `unitlists-${name}.png`), fullPage: true });
const FORM = '/#/pages/concern/submit?workstationId=ws-wujiachuan&source=home';

test('when 靖远 keeps its own categories, then its station’s concern form offers them and accepts one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  page.on('dialog', (d) => void d.accept());
  // Arranging only: the city admin saves 靖远's lists through the same endpoint the console uses.
  const saved = await page.request.post('/__cloud/callFunction', {
    headers: { 'X-WX-OPENID': 'o_admin_baiyin' },
    data: {
      name: 'admin',
      data: {
        action: 'saveUnitLists',
        requestId: `req_e2e_unitlists_${Date.now()}`,
        input: { unitId: 'u-jingyuan', categories: ['民生', '乡村振兴', '其他'], occasions: ['春节前后', '汛期'] },
      },
    },
  });
  expect((await saved.json()).result.ok).toBe(true);

  await page.goto(FORM);
  await expect(shown(page, '乡村振兴', true)).toBeVisible({ timeout: 20_000 });
  // Opened without the station's name in the link: the form names it from the station's answer.
  await expect(shown(page, '乌兰镇委员工作站')).toBeVisible();
  await expect(page.getByText('医疗卫生', { exact: true }).filter({ visible: true })).toHaveCount(0);
  await shot(page, 'form-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'form-pc');
  await page.setViewportSize({ width: 390, height: 844 });

  await shown(page, '乡村振兴', true).click();
  await page
    .locator('input[placeholder="例如：小区门口路灯坏了三个月"]')
    .filter({ visible: true })
    .fill('村里产业路需要拓宽');
  await page
    .locator('textarea[placeholder^="请描述时间、地点"]')
    .filter({ visible: true })
    .fill('村里通往种植基地的产业路太窄，农用车会车困难，希望拓宽硬化。');
  await shown(page, '我已阅读并同意').click();
  await button(page, '提交').click();
  // The subscription prompt (a stand-in for WeChat's) is answered when it shows.
  await shown(page, '允许', true)
    .click({ timeout: 10_000 })
    .catch(() => undefined);
  await expect(shown(page, '提交成功')).toBeVisible({ timeout: 20_000 });
  await shot(page, 'submitted');
});
