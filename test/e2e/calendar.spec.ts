import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * The working-day calendar in the h5 build (issue 17): the admin reaches it from the concern
 * settings, picks next year, pastes a notice that lacks holidays and is told each one missing;
 * screenshots at phone and PC sizes.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (name: string) => join(__dirname, '..', '..', 'test-results', name);
const NEXT = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1;

async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate(`localStorage.setItem('lxq_openid', ${JSON.stringify(openid)})`);
  await page.goto(`/#${path}`);
}

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['pc', { width: 1280, height: 800 }],
] as const) {
  test(`an admin opens the calendar from the settings and is told what a pasted notice lacks (${label})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    // From 1 November while next year is missing, the staff queue warns (and links to the calendar).
    await openAs(page, 'o_admin_baiyin', '/staff/concerns/index');
    await expect(shown(page, '群众诉求')).toBeVisible();
    if (new Date(Date.now() + 8 * 3_600_000).getUTCMonth() >= 10) {
      // The first calls start the function instances: on a loaded machine that takes a while.
      await expect(shown(page, `${NEXT} 年的放假安排尚未录入`, false)).toBeVisible({ timeout: 20_000 });
    }
    await page.screenshot({ path: shot(`calendar-queue-${label}.png`) });
    await openAs(page, 'o_admin_baiyin', '/staff/concerns/settings');
    await button(page, '查看').click();
    await expect(shown(page, '诉求受理期限、值班轮换和提醒都按此日历计算工作日', false)).toBeVisible();
    await page.waitForTimeout(600); // the page's slide-in (h5 router animation) ends
    await page.screenshot({ path: shot(`calendar-top-${label}.png`) });
    await shown(page, `${NEXT} 年`, true).click();
    await expect(shown(page, `${NEXT} 年放假安排`)).toBeVisible();
    await page.locator('textarea').filter({ visible: true }).first().fill(`元旦：${NEXT}-01-01放假。`);
    await button(page, '检查').click();
    await expect(shown(page, /缺少春节/)).toBeVisible();
    await button(page, '保存').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot(`calendar-check-${label}.png`) });
  });
}
