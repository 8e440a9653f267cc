import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * The privacy page's "需要更正或删除个人信息" in the h5 build (issue 21): a citizen who left a phone
 * takes it off their concern; staff reach 个人信息查询 from the concern settings, find a person by
 * phone, export and delete their data. Screenshots at phone and PC sizes.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (name: string) => join(__dirname, '..', '..', 'test-results', name);

async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate(`localStorage.setItem('lxq_openid', ${JSON.stringify(openid)})`);
  await page.goto(`/#${path}`);
}

/** A concern with a phone, submitted as `openid` through the emulator's client path. */
async function submitWithPhone(page: Page, openid: string, phone: string): Promise<string> {
  const res = await page.request.post('/__cloud/callFunction', {
    headers: { 'X-WX-OPENID': openid },
    data: {
      name: 'concern',
      data: {
        action: 'submit',
        requestId: `req-${openid}-${Date.now()}`,
        input: {
          workstationId: 'ws-huishi',
          category: '民生',
          title: '小区门口积水严重',
          text: '会师镇幸福小区门口一下雨就积水，老人出行很不方便，希望修一下排水。',
          phone,
          consent: true,
        },
      },
    },
  });
  return ((await res.json()) as { result: { data: { _id: string } } }).result.data._id;
}

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['pc', { width: 1280, height: 800 }],
] as const) {
  test(`a citizen deletes their phone; staff find, export and delete a person’s data (${label})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const citizen = `o_subject_e2e_${label}`;
    const phone = label === 'phone' ? '13909431111' : '13909432222';
    const id = await submitWithPhone(page, citizen, phone);

    await openAs(page, citizen, `/pages/concern/detail?id=${id}`);
    await expect(button(page, '删除我的手机号')).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: shot(`subjects-citizen-${label}.png`), fullPage: true });
    const second = await submitWithPhone(page, citizen, phone);
    await button(page, '删除我的手机号').click();
    await shown(page, '删除', true).click();
    await expect(button(page, '删除我的手机号')).toBeHidden();

    await openAs(page, 'o_staff_huining', '/staff/concerns/settings');
    await button(page, '打开').click();
    await expect(shown(page, '查找群众的个人信息')).toBeVisible({ timeout: 20_000 });
    await page.locator('input[placeholder="例如 13909431234"]').filter({ visible: true }).fill(phone);
    await button(page, '查找').click();
    await expect(shown(page, '找到 2 条诉求、0 条值班接待记录。')).toBeVisible();
    await expect(shown(page, '139****', false)).toBeVisible();
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot(`subjects-found-${label}.png`) });

    const download = page.waitForEvent('download');
    await button(page, '导出 Excel').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await button(page, '删除个人信息').click();
    await shown(page, '删除', true).click();
    await expect(shown(page, /已从 2 条诉求、0 条接待记录中删除个人信息/)).toBeVisible();
    await page.screenshot({ path: shot(`subjects-erased-${label}.png`) });
    expect(second).toBeTruthy();
  });
}
