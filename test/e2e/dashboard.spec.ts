import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../liaisonXlsx';
import { CONCERN_SHEET_HEADER } from '../concernSheet';

/**
 * The staff dashboard on a PC (1280×800, h5): the first page of the console, its charts (months,
 * categories, the station map), a filter by period and by sub-unit kept in the URL, and from
 * there a filtered table exported through the export job and its workbook read back.
 */
test.use({ viewport: { width: 1280, height: 800 } });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `dashboard-${name}.png`) });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lxq_openid', 'o_staff_baiyin'));
});

test('staff open the dashboard with its charts, filter it, and export a filtered table read back', async ({ page }) => {
  await page.goto('/#/staff/dashboard/index');
  const menu = page.getByRole('navigation', { name: '工作台菜单' });
  await expect(menu.getByRole('link', { name: '数据看板', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: '数据看板', exact: true })).toBeVisible();

  // The charts: twelve months of bars, every category, a spot per station on the map (the first
  // call starts the function cold).
  await expect(page.locator('.month-bars__col')).toHaveCount(12, { timeout: 20_000 });
  await expect(page.locator('.row-bars__row')).toHaveCount(9);
  await expect(page.getByLabel('工作站诉求分布').locator('.station-map__spot')).toHaveCount(12);
  await expect(page.getByText('政协白银市委员会 · ')).toBeVisible();
  const collected = Number(await page.locator('.dash-kpi__value').first().innerText());
  expect(collected).toBeGreaterThan(0);
  await shot(page, '1-city');

  // 本季度: the span shrinks to the quarter's months.
  await page.locator('.dash-chip', { hasText: '本季度' }).click();
  await expect(page.locator('.month-bars__col')).not.toHaveCount(12);
  await expect(page).toHaveURL(/period=quarter/);

  // One county: the view is the county's, and the URL keeps it over a reload.
  await page.goto('/#/staff/dashboard/index?period=quarter&unit=u-huining');
  await expect(page.getByText('政协会宁县委员会 · ')).toBeVisible();
  await expect(page.locator('.dash-select', { hasText: '政协会宁县委员会' })).toBeVisible();
  const county = Number(await page.locator('.dash-kpi__value').first().innerText());
  expect(county).toBeLessThanOrEqual(collected);
  await expect(page.getByLabel('工作站诉求分布').locator('.station-map__spot')).not.toHaveCount(12);
  await shot(page, '2-county');

  // A filtered table exports exactly what it shows, through the export job.
  await menu.getByRole('link', { name: '诉求', exact: true }).click();
  const table = page.getByRole('region', { name: '群众诉求' });
  await expect(page.getByRole('tab', { name: /^全部 [1-9]/ })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: /^全部/ }).click();
  await table.getByRole('combobox', { name: '类别', exact: true }).selectOption('交通出行');
  const shown = table.locator('tbody tr');
  await expect(shown.first()).toBeVisible();
  // Count once the filtered page has replaced the unfiltered one.
  await expect(shown.locator('td:nth-child(4)').filter({ hasNotText: '交通出行' })).toHaveCount(0);
  const count = await shown.count();
  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  const sheet = readWorkbook(new Uint8Array(readFileSync(file!)))['群众诉求'];
  expect(sheet[0]).toEqual(CONCERN_SHEET_HEADER);
  expect(sheet).toHaveLength(count + 1);
  expect(sheet.slice(1).every((r) => r[2] === '交通出行')).toBe(true);
  await expect(table.getByRole('status')).toContainText(`已导出 ${count} 行`);
  await expect(table.getByRole('link', { name: /下载 群众诉求-/ })).toBeVisible();
  await shot(page, '3-export');
});

test('the dashboard fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/staff/dashboard/index');
  await expect(page.locator('.month-bars__col')).toHaveCount(12, { timeout: 20_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'dashboard-4-phone.png') });
});
