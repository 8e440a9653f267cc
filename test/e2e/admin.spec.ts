import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { workbook } from '../../cloudfunctions/shared/xlsx';

/**
 * The admin console in the h5 build (issue 17), at 1280×800: the city admin adds a sector and a
 * committee to 会宁, imports ten members of the new term from Excel (previewed first), ends the
 * old term (换届) after a confirmation naming the count, sorts the accounts by name over every
 * page, and finds every step in the audit log.
 * Then each admin page at 390×844 must fit the phone.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (name: string) => join(__dirname, '..', '..', 'test-results', `admin-${name}.png`);
const ADMIN = 'o_admin_baiyin';

async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate(`localStorage.setItem('lxq_openid', ${JSON.stringify(openid)})`);
  await page.goto(`/#${path}`);
}

const SECTOR = `新闻出版界${Date.now() % 1000}`;
const COMMITTEE = `文化文史委员会${Date.now() % 1000}`;
const CITY_SECTORS = ['中共', '民革', '民盟', '民建', '民进'];
const TEN = Array.from({ length: 10 }, (_, i) => [
  `新委员${'甲乙丙丁戊己庚辛壬癸'[i]}`,
  '委员',
  `1390001${String(Date.now() % 1000).padStart(3, '0')}${i}`,
  CITY_SECTORS[i % CITY_SECTORS.length],
]);

test('an admin adds a sector and a committee, imports ten members, ends the term, and reads it all in the audit log (PC)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAs(page, ADMIN, '/staff/admin/index');
  // The first calls start the function instances: on a loaded machine that takes a while.
  await expect(shown(page, '政协白银市委员会').first()).toBeVisible({ timeout: 20_000 });
  await page.locator('.adm-units__item').filter({ hasText: '政协会宁县委员会' }).filter({ visible: true }).click();
  await expect(shown(page, /^界别（\d+）$/)).toBeVisible();

  // A sector, then a committee linked to it and to a workstation.
  await page.locator('input[placeholder="如：文化艺术界"]').filter({ visible: true }).fill(SECTOR);
  await button(page, '保存界别').click();
  await expect(page.locator('.adm-line__name').filter({ hasText: SECTOR }).filter({ visible: true })).toBeVisible();
  await page.locator('input[placeholder="如：提案委员会"]').filter({ visible: true }).fill(COMMITTEE);
  await page.locator('.county-chip').filter({ hasText: SECTOR }).filter({ visible: true }).first().click();
  await page.locator('.county-chip').filter({ hasText: '会师镇委员工作站' }).filter({ visible: true }).first().click();
  await button(page, '保存专委会').click();
  const committee = page.locator('.adm-line').filter({ hasText: COMMITTEE }).filter({ visible: true });
  await expect(committee).toContainText(`界别：${SECTOR}；工作站：会师镇委员工作站`);
  await committee.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('1-org-pc') });

  // Ten members of the new term from the template's columns, previewed, then imported.
  await page.locator('.adm-tabs__tab').filter({ hasText: '批量导入' }).filter({ visible: true }).click();
  await expect(shown(page, '批量导入委员和工作人员')).toBeVisible();
  const file = Buffer.from(workbook([{ name: '人员名单', header: ['姓名', '身份', '手机号', '界别'], rows: TEN }]));
  // The file button waits for the unit list (it is disabled until a unit is known).
  await expect(page.locator('[aria-label="导入到单位"]').filter({ visible: true })).toContainText('政协白银市委员会');
  const chooser = page.waitForEvent('filechooser');
  await button(page, '选择 Excel 文件').click();
  await (
    await chooser
  ).setFiles({
    name: '第五届委员名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await expect(shown(page, '预览：共 10 行，可导入 10 行')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: shot('2-import-preview-pc') });
  await button(page, '确认导入 10 人').click();
  await expect(shown(page, /已发出 10 份邀请/)).toBeVisible();
  await page.screenshot({ path: shot('3-import-done-pc') });

  // 换届 of 白银: the confirmation names the count; the members' accounts stay.
  await page.locator('.adm-tabs__tab').filter({ hasText: '账号与换届' }).filter({ visible: true }).click();
  await expect(page.locator('[aria-label="换届单位"]').filter({ visible: true })).toContainText('政协白银市委员会');
  await page.locator('input[placeholder="如：第十届"]').filter({ visible: true }).fill('第四届');
  await button(page, '换届：结束本届委员任期').click();
  await expect(shown(page, /将结束「政协白银市委员会」第四届 \d+ 名委员的任期/)).toBeVisible();
  await page.screenshot({ path: shot('4-term-confirm-pc') });
  // The modal's title and its confirm button say the same: the button is the last.
  await page.getByText('确认换届', { exact: true }).filter({ visible: true }).last().click();
  await expect(shown(page, /已结束 \d+ 名委员的任期/)).toBeVisible();
  await expect(shown(page, '第四届任期已结束').first()).toBeVisible();
  await page.screenshot({ path: shot('5-term-done-pc') });

  // 账号 sorts by name over every page: Z→A starts with the largest name of all and, on its last
  // page, ends with the name A→Z starts with.
  const accounts = page.locator('section[aria-label="账号"]').filter({ visible: true });
  const names = accounts.locator('tbody tr td:first-child');
  const byName = accounts.getByRole('button', { name: /^姓名/ });
  await expect(byName).toHaveAttribute('title', '按全部结果排序');
  await accounts.locator('.dt__pager select').selectOption('50');
  await byName.click();
  await expect(accounts.locator('th[aria-sort="ascending"]')).toContainText('姓名');
  const first = await names.first().innerText();
  await byName.click();
  await expect(accounts.locator('th[aria-sort="descending"]')).toContainText('姓名');
  await expect(names.first()).not.toHaveText(first);
  const desc = await names.allInnerTexts();
  expect(desc).toEqual([...desc].sort().reverse());
  await page.screenshot({ path: shot('5b-accounts-by-name-pc') });
  const next = accounts.getByRole('button', { name: '下一页' });
  while (await next.isEnabled()) {
    const top = await names.first().innerText();
    await next.click();
    await expect(names.first()).not.toHaveText(top);
  }
  await expect(names.last()).toHaveText(first);

  // The audit log shows each step, newest first, with what changed.
  await page.locator('.adm-tabs__tab').filter({ hasText: '操作日志' }).filter({ visible: true }).click();
  const log = page.locator('section[aria-label="操作日志"]').filter({ visible: true });
  for (const step of ['换届', '批量导入人员', '保存专委会', '保存界别']) {
    await expect(log.getByRole('cell', { name: step, exact: true }).first()).toBeVisible();
  }
  await expect(log).toContainText(COMMITTEE);
  await expect(log).toContainText('第四届');
  await page.screenshot({ path: shot('6-audit-pc') });
  await log.locator('select[aria-label="操作"]').selectOption('admin.endTerm');
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: shot('7-audit-filtered-pc') });
});

for (const [path, name, marker] of [
  ['/staff/admin/index', 'org', /^界别（\d+）$/],
  ['/staff/admin/accounts', 'accounts', '换届：结束本届委员任期'],
  ['/staff/admin/import', 'import', '批量导入委员和工作人员'],
  ['/staff/admin/audit', 'audit', /^(新建单位|批量导入人员|换届|保存界别|保存专委会|还没有操作记录)$/],
] as const) {
  test(`the admin page ${path} fits a phone (390×844)`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openAs(page, ADMIN, path);
    await expect(shown(page, marker).first()).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(400);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: shot(`phone-${name}`), fullPage: true });
  });
}

test('on a phone the admin finds an account by name, opens it and revokes it after confirming (390×844)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAs(page, ADMIN, '/staff/admin/accounts');
  await page.locator('input[placeholder="姓名或手机号"]').filter({ visible: true }).fill('孙海军');
  await button(page, '搜索').click();
  const card = page.locator('.adm-card').filter({ hasText: '孙海军' }).filter({ visible: true });
  await expect(card).toContainText('在用', { timeout: 15_000 });
  await card.click();
  const editor = page.locator('[aria-label="编辑账号 孙海军"]').filter({ visible: true });
  await expect(editor).toBeInViewport();
  await editor.locator('taro-button-core').filter({ hasText: '停用' }).click();
  await expect(shown(page, /停用「孙海军」？/)).toBeVisible();
  await page.screenshot({ path: shot('phone-revoke-confirm') });
  await page.getByText('停用', { exact: true }).filter({ visible: true }).last().click();
  await expect(card).toContainText('已停用');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('phone-revoked') });
});
