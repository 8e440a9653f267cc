import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Foundation slice, end to end in the h5 build: a citizen picks a workstation and submits a short
 * concern; a county staff member (switching identity) finds it in the staff queue.
 */
/** Taro's h5 router keeps earlier pages of the stack in the DOM, hidden: act on what is shown. */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();

test('a citizen submits a concern at a workstation, and the county staff see it in their queue', async ({ page }) => {
  const title = `会师南路路灯不亮 ${Date.now() % 10000}`;

  await page.goto('/');
  await expect(shown(page, '委员工作站（12）')).toBeVisible();
  await shown(page, '会师镇委员工作站').click();
  await expect(shown(page, '政协会宁县委员会')).toBeVisible();
  await button(page, '在此反映诉求').click();

  await expect(shown(page, '会师镇委员工作站')).toBeVisible();
  await shown(page, '交通出行', true).click();
  await page.locator('input[placeholder="例如：小区门口路灯坏了三个月"]').fill(title);
  await page
    .locator('textarea[placeholder^="请描述时间、地点"]')
    .fill('会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多，存在安全隐患，希望尽快修复。');
  await button(page, '提交').click();
  await expect(shown(page, '请阅读并同意隐私说明')).toBeVisible();
  await shown(page, '我已阅读并同意').click();
  await button(page, '提交').click();
  // The submit tap asks for the status-change subscribe message first (the emulator's stand-in).
  await shown(page, '允许', true).click();
  await expect(shown(page, '提交成功')).toBeVisible();
  await button(page, '查看我的诉求').click();
  await expect(shown(page, title)).toBeVisible();
  await expect(shown(page, '待受理')).toBeVisible();

  await shown(page, '切换身份').click();
  await shown(page, '杨振华').click();
  await expect(shown(page, '切换身份')).toBeVisible();
  await shown(page, '工作台').click();
  await expect(shown(page, '政协会宁县委员会')).toBeVisible();
  const row = shown(page, title);
  await expect(row).toBeVisible();
  await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'first-slice-staff-queue.png') });
});
