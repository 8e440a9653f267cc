import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../liaisonXlsx';

/**
 * Liaison records, end to end in the h5 build (issue 6): a member who is behind logs a record
 * that raises a concern; their 成绩单 changes; their director's list no longer shows them as
 * behind; staff export the workbook, which the test opens and reads.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const input = (page: Page, placeholder: string) =>
  page
    .locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`)
    .filter({ visible: true })
    .first();
const shot = (name: string) => join(__dirname, '..', '..', 'test-results', name);

async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate((id) => localStorage.setItem('lxq_openid', id), openid);
  await page.goto(`/#${path}`);
}

async function nameOf(page: Page, openid: string): Promise<string> {
  const res = await page.request.get('/__cloud/accounts');
  const accounts = (await res.json()) as { openid: string; name: string }[];
  return accounts.find((a) => a.openid === openid)!.name;
}

/** The director's row for a member: their name and the chip beside it. */
const gridRow = (page: Page, name: string) =>
  page.locator('.grid-member').filter({ hasText: name }).filter({ visible: true }).first();

test('a behind member logs a record raising a concern; the 成绩单 and the director’s list catch up; staff export the workbook', async ({
  page,
}) => {
  const member = 'o_member_02';
  const director = 'o_member_03';
  const name = await nameOf(page, member);
  const place = `E2E 走访社区 ${Date.now() % 10000}`;

  // Before: the member's 成绩单 and the director's list both say they are behind.
  await openAs(page, member, '/member/record/index');
  // The first call starts the liaison function cold.
  await expect(shown(page, '本季度还需努力')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '本季度尚无联系活动')).toBeVisible();
  await openAs(page, director, '/member/liaison/grid');
  await expect(gridRow(page, name)).toContainText('未达进度');
  await page.screenshot({ path: shot('liaison-grid-before.png'), fullPage: true });

  // The member logs a record: today and their last channel are filled in; they add a concern.
  await openAs(page, member, '/member/liaison/index');
  await button(page, '+ 记一条联系记录').click();
  await expect(shown(page, '联系渠道')).toBeVisible();
  await input(page, '走访的社区、企业、单位').fill(place);
  await input(page, '例如 12').fill('8');
  await shown(page, '社区居民', true).click();
  await shown(page, '收集意见', true).click();
  await input(page, '做了什么、听到了什么').fill('入户走访社区居民，了解老旧小区加装电梯的进展和困难。');
  await shown(page, '+ 添加诉求').click();
  await shown(page, '民生', true).click();
  await input(page, '一句话说清楚是什么事').fill('老旧小区加装电梯进展慢');
  await input(page, '时间、地点、具体情况').fill('居民反映加装电梯申请提交半年仍无消息，希望了解办理进度和补贴政策。');
  await page.screenshot({ path: shot('liaison-log-form.png'), fullPage: true });
  await button(page, '保存联系记录').click();
  await expect(shown(page, place)).toBeVisible({ timeout: 15_000 });
  await expect(shown(page, '已转 1 条诉求办理')).toBeVisible();

  // After: the 成绩单 shows the activity and nothing missing.
  await openAs(page, member, '/member/record/index');
  await expect(shown(page, '已达到考核要求')).toBeVisible();
  await page.screenshot({ path: shot('liaison-scorecard.png'), fullPage: true });

  // After: the director sees them on track.
  await openAs(page, director, '/member/liaison/grid');
  await expect(gridRow(page, name)).toContainText('正常');
  await page.screenshot({ path: shot('liaison-grid-after.png'), fullPage: true });

  // Staff see the record and export the workbook; the test opens it and reads the rows.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAs(page, 'o_staff_baiyin', '/staff/liaison/index');
  await expect(shown(page, place)).toBeVisible();
  // On a PC the records are a table: the member's name narrows it to their records.
  const records_ = page.getByRole('region', { name: '联系记录' });
  await records_.locator('tr', { hasText: place }).getByRole('button', { name }).click();
  await expect(shown(page, `委员：${name}`)).toBeVisible();
  await page.screenshot({ path: shot('liaison-staff.png') });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    records_.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  const book = readWorkbook(new Uint8Array(readFileSync((await download.path())!)));
  const records = book['联系记录'];
  expect(records[0].slice(0, 3)).toEqual(['日期', '委员', '界别']);
  expect(records.slice(1).every((r) => r[1] === name)).toBe(true);
  const row = records.find((r) => r[5] === place)!;
  expect(row).toBeDefined();
  expect(row[7]).toBe(8);
  expect(row[12]).toBe(1);
  const quota = Object.entries(book).find(([sheet]) => sheet.includes('季度指标'))![1];
  expect(quota.find((r) => r[0] === name)?.[8]).toBe('达标');

  // From the same page, staff open 网格化联系: the director's group lists the member.
  await page.setViewportSize({ width: 390, height: 844 });
  await shown(page, '管理网格化联系 ›').click();
  const directorName = await nameOf(page, director);
  const group = page
    .locator('.grid-group')
    .filter({ hasText: `${directorName}联系` })
    .filter({ hasText: name })
    .first();
  await expect(group).toBeVisible({ timeout: 15_000 });
  await page.reload(); // lay the page out afresh at phone width for the screenshot
  await expect(group).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: shot('liaison-staff-grid.png'), fullPage: true });
});
