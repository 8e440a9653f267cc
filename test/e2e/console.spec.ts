import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../liaisonXlsx';

/**
 * The staff console on a PC (1280×800, h5): the menu between modules, the concern queue as a table
 * (sort, filter, search, the view surviving a reload, 导出 Excel read back), a bulk accept, the
 * concern opened beside the list and closed with Esc, and the week roster edited in its grid and exported.
 * Screenshots of each step are kept under test-results/.
 */
test.use({ viewport: { width: 1280, height: 800 } });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `console-${name}.png`) });
const table = (page: Page) => page.getByRole('region', { name: '群众诉求' });
const rows = (page: Page) => table(page).locator('tbody tr');

/**
 * A page's first visit on a freshly started emulator arrives late, though the click took: its
 * script chunk waits while the emulator starts a worker for every cloud call the pages before it
 * made (one per concurrent call, each loading its bundle, on a shared 2-core machine). Measured
 * on a cold start: the duty page's chunks 2.1 s, its title 2.5 s after the click (20–200 ms
 * warm); under the machine's usual load that passed expect's 5 s. So the address, which the
 * router changes on the click itself, is checked with the usual wait (a lost click still fails
 * there), and only the page's arrival gets a cold start's.
 */
async function opened(page: Page, path: string, arrived: Locator) {
  await expect(page).toHaveURL(new RegExp(`#${path}(\\?|$)`));
  await expect(arrived).toBeVisible({ timeout: 20_000 });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lxq_openid', 'o_staff_baiyin'));
});

test('staff move between modules with the menu, and every sub-page has breadcrumbs and a back link', async ({
  page,
}) => {
  await page.goto('/#/staff/concerns/index');
  const menu = page.getByRole('navigation', { name: '工作台菜单' });
  for (const entry of ['诉求', '值班与工作站', '联系群众', '通知', '邀请与账号']) {
    await expect(menu.getByRole('link', { name: entry, exact: true })).toBeVisible();
  }
  await expect(page.locator('.desk__header')).toContainText('王晓梅');
  await expect(page.locator('.desk__header')).toContainText('退出登录');
  await shot(page, '1-queue');
  await menu.getByRole('link', { name: '通知', exact: true }).click();
  await opened(page, '/staff/notices/index', page.getByRole('heading', { name: '通知', exact: true }));
  await expect(menu.getByRole('link', { name: '通知', exact: true })).toHaveAttribute('aria-current', 'page');
  await menu.getByRole('link', { name: '值班与工作站', exact: true }).click();
  await opened(page, '/staff/duty/index', page.getByRole('heading', { name: '今日值班' }));
  // 值班与工作站 → 工作站 (a table) → a station's QR page: three levels of breadcrumbs.
  await menu.getByRole('link', { name: '值班与工作站', exact: true }).click();
  await page.getByText('工作站', { exact: true }).filter({ visible: true }).first().click();
  const stations = page.getByRole('region', { name: '工作站' });
  await stations.getByRole('link', { name: '二维码与海报' }).first().click();
  // While the QR page slides in, the station list's crumbs are still in the document: take the new page's.
  const crumbs = page.getByLabel('位置').filter({ visible: true }).filter({ hasText: '二维码与海报' });
  await opened(page, '/staff/workstations/qr', crumbs);
  await expect(crumbs).toContainText('值班与工作站');
  await expect(crumbs).toContainText('工作站');
  await expect(crumbs).toContainText('二维码与海报');
  await expect(page.getByText('地址：').filter({ visible: true })).toBeVisible();
  await expect(page.getByText(/场景值/)).toHaveCount(0);
  await shot(page, '2-qr-crumbs');
  await crumbs.getByRole('link', { name: '‹ 返回' }).click();
  await expect(page.getByRole('heading', { name: '工作站', exact: true }).filter({ visible: true })).toBeVisible();
});

test('the queue table sorts, filters, searches, keeps its view over a reload and exports what it shows', async ({
  page,
}) => {
  await page.goto('/#/staff/concerns/index');
  await page.getByRole('tab', { name: /^全部/ }).click();
  await expect(page.getByRole('tab', { name: /^全部/ })).not.toHaveText('全部 0');
  // The tab counts every concern; the first page shows up to 20 of them.
  const all = Number((await page.getByRole('tab', { name: /^全部/ }).innerText()).replace(/\D/g, ''));
  expect(all).toBeGreaterThan(5);
  await expect(rows(page)).toHaveCount(Math.min(all, 20));

  // Sort by 提交时间, oldest first: the server orders the whole queue, so the newest concern leaves page 1.
  const dates = () => rows(page).locator('td:last-child').allInnerTexts();
  const newest = (await dates())[0];
  const createdHead = table(page).locator('th', { hasText: '提交时间' });
  await createdHead.getByRole('button').click();
  await expect(createdHead).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(page).first().locator('td:last-child')).not.toHaveText(newest);
  const oldest = await dates();
  expect(oldest).toEqual([...oldest].sort());
  if (all > 20) expect(oldest).not.toContain(newest);
  await createdHead.getByRole('button').click();
  await expect(createdHead).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first().locator('td:last-child')).toHaveText(newest);

  // Filter 类别 and search the title.
  await table(page).getByRole('combobox', { name: '类别', exact: true }).selectOption('交通出行');
  await expect(rows(page).first()).toBeVisible();
  await expect(rows(page).locator('td:nth-child(4)').filter({ hasNotText: '交通出行' })).toHaveCount(0);
  await table(page).getByLabel('搜索').fill('交叉口');
  await table(page).getByLabel('搜索').press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('交叉口');
  expect(page.url()).toContain('q=');
  await shot(page, '3-filtered');

  // A reload shows the same view: the state is in the URL.
  await page.reload();
  await expect(table(page).getByLabel('搜索')).toHaveValue('交叉口');
  await expect(table(page).getByRole('combobox', { name: '类别', exact: true })).toHaveValue('交通出行');
  await expect(rows(page)).toHaveCount(1);

  // 导出 Excel: the workbook holds exactly the row shown.
  const download = page.waitForEvent('download');
  await table(page).getByRole('button', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  const sheet = readWorkbook(new Uint8Array(readFileSync(file!)))['群众诉求'];
  expect(sheet[0].slice(0, 3)).toEqual(['编号', '标题', '类别']);
  expect(sheet).toHaveLength(2);
  expect(String(sheet[1][1])).toContain('交叉口');
  expect(sheet[1][0]).toBe(await rows(page).first().locator('td:nth-child(2)').innerText());

  // The concern opens beside the list; Esc closes it.
  await rows(page).first().click();
  const side = page.getByRole('complementary');
  await expect(side).toContainText('办理过程');
  await expect(table(page)).toBeVisible();
  await shot(page, '4-beside');
  // Esc closes what was opened last: the note form first, then the panel.
  await side.locator('taro-button-core').filter({ hasText: '添加备注' }).click();
  await expect(side.locator('textarea')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(side.locator('textarea')).toHaveCount(0);
  await expect(side).toContainText('办理过程');
  await page.keyboard.press('Escape');
  await expect(side).toHaveCount(0);
});

test('a clerk accepts every waiting concern at once', async ({ page }) => {
  await page.goto('/#/staff/concerns/index?status=submitted');
  await expect(rows(page).first()).toBeVisible();
  const waiting = await rows(page).count();
  await table(page).getByLabel('全选本页').check();
  await expect(page.getByText(`已选 ${waiting} 项`)).toBeVisible();
  await shot(page, '5-bulk-selected');
  await table(page)
    .getByRole('button', { name: `受理（${waiting}）` })
    .click();
  await expect(page.getByRole('status')).toContainText(`已受理 ${waiting} 件`);
  await expect(page.getByRole('tab', { name: /^待受理/ })).toHaveText('待受理 0');
  await expect(page.getByRole('tab', { name: /^已受理/ })).not.toHaveText('已受理 0');
});

test('the week roster shows a station’s week, adds a shift in a cell and prints', async ({ page }) => {
  await page.goto('/#/staff/duty/roster');
  const week = page.getByRole('region', { name: '值班周表' });
  await expect(week.locator('thead th')).toHaveCount(8);
  await expect(week.locator('table')).toHaveAttribute('aria-busy', 'false');
  await week.getByRole('button', { name: '下一周' }).click();
  await expect(week.locator('table')).toHaveAttribute('aria-busy', 'false');
  const empty = week.locator('.week__cell:not(.week__cell--set)').first();
  await empty.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const first = dialog.locator('fieldset label').first();
  const name = (await first.innerText()).trim().split(/\s/)[0];
  await first.locator('input').check();
  await dialog.locator('input[type=time]').first().press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(week.locator('.week__cell--set').filter({ hasText: name }).first()).toBeVisible();
  await shot(page, '6-week');
  // 导出排班与签到: the week shown, through the export job, read back with the shift just added.
  const download = page.waitForEvent('download');
  await week.getByRole('button', { name: '导出排班与签到' }).click();
  const sheet = readWorkbook(new Uint8Array(readFileSync((await (await download).path())!)))['排班'];
  expect(sheet[0].slice(0, 8)).toEqual(['日期', '星期', '开始', '结束', '工作站', '值班委员', '界别', '签到情况']);
  expect(sheet.slice(1).some((r) => r[5] === name)).toBe(true);
  await expect(week.getByRole('status')).toContainText(`已导出 ${sheet.length - 1} 行`);
  await expect(week.getByRole('link', { name: /^下载 排班与签到-/ })).toBeVisible();
  await shot(page, '6-week-exported');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '工作台菜单' })).toBeHidden();
  await expect(week.locator('.week__print-title')).toBeVisible();
  await shot(page, '7-week-print');
});
