import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readWorkbook } from '../liaisonXlsx';

/**
 * 履职考核 in the PC console (issue 16), at 1280×800: the city clerk tries new weights and sees
 * the quarter re-ranked before saving, saves them, freezes last quarter, exports its member list
 * (the workbook read back), and ranks the workstations for the year with a printable list.
 */
/** The words of a downloaded Word document. */
const docText = (file: string) =>
  strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']).replace(/<[^>]+>/g, '');
const shot = (name: string) => join(__dirname, '..', '..', 'test-results', name);
const visible = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();

async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate((id) => localStorage.setItem('lxq_openid', id), openid);
  await page.goto(`/#${path}`);
}

function lastQuarter(now = new Date()) {
  const d = new Date(now.getTime() + 8 * 3_600_000);
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  return q === 1 ? { year: d.getUTCFullYear() - 1, quarter: 4 } : { year: d.getUTCFullYear(), quarter: q - 1 };
}

test.use({ viewport: { width: 1280, height: 800 } });

test('the clerk previews and saves weights, freezes last quarter, exports its list and ranks the workstations', async ({
  page,
}) => {
  // Weights: 联系活动 counts 10 a time; the preview ranks the current quarter under it, unsaved.
  await openAs(page, 'o_staff_baiyin', '/staff/assessment/weights');
  const activities = page
    .getByLabel('委员考核权重：联系活动')
    .locator('input')
    .or(page.locator('input[aria-label="委员考核权重：联系活动"]'));
  await expect(activities.first()).toBeVisible({ timeout: 20_000 });
  await activities.first().fill('10');
  await button(page, '预览本季度排名').click();
  const preview = page.locator('[aria-label="权重预览"]').filter({ visible: true });
  await expect(preview).toBeVisible({ timeout: 15_000 });
  await expect(visible(page, /按新权重的排名（未保存/)).toBeVisible();
  await page.screenshot({ path: shot('assessment-weights-preview.png'), fullPage: true });
  await button(page, '保存权重').click();
  await expect(visible(page, /^已保存/)).toBeVisible({ timeout: 10_000 });

  // Last quarter: live figures until the clerk freezes it.
  const past = lastQuarter();
  await openAs(page, 'o_staff_baiyin', `/staff/assessment/index?year=${past.year}&quarter=${past.quarter}`);
  const table = page.locator('.dt').filter({ visible: true }).first();
  await expect(visible(page, '该季度已结束，尚未冻结')).toBeVisible({ timeout: 20_000 });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await button(page, `冻结${past.year}年第${past.quarter}季度`).click();
  await page.locator('.taro__modal').getByText('冻结', { exact: true }).click();
  await expect(visible(page, /^已冻结：/)).toBeVisible({ timeout: 15_000 });
  await expect(visible(page, '计入录入时所在的季度')).toBeVisible();
  await page.screenshot({ path: shot('assessment-frozen.png'), fullPage: true });
  const banner = await visible(page, /^已冻结：/).innerText();
  const total = Number(/共 (\d+) 位委员/.exec(await visible(page, /共 \d+ 位委员/).innerText())?.[1] ?? NaN);
  expect(banner).toContain('数字和排名不再变化');

  // The table pages on the server: its count is the server's total, not the rows of one page.
  await expect(table.locator('.dt__pager')).toContainText(`共 ${total} 条`);
  expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(20);
  await expect(table.locator('th .dt__sort')).toHaveCount(0);
  await page.screenshot({ path: shot('assessment-list.png') });

  // The frozen list exports through the export job: progress or done said, a link, one row per member.
  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  await expect(table.locator('.dt__message')).toContainText(`已导出 ${total} 行（冻结数字）`, { timeout: 20_000 });
  await expect(table.locator('.dt__message a.dt__link')).toHaveText(/^下载 /);
  const book = readWorkbook(new Uint8Array(readFileSync(file!)));
  expect(Object.keys(book)[0]).toContain('委员考核');
  const sheet = Object.values(book)[0];
  expect(sheet[0].slice(0, 5)).toEqual(['界别', '界别内排名', '委员', '界别', '得分']);
  expect(sheet.slice(1).filter((r) => r.length > 5)).toHaveLength(total);

  // 只看未达标: the server filters and counts; the job exports the same filtered rows.
  await table.getByLabel('范围').selectOption('1');
  await expect(visible(page, /符合筛选的共 \d+ 位委员/)).toBeVisible({ timeout: 15_000 });
  const behind = Number(/符合筛选的共 (\d+) 位委员/.exec(await visible(page, /符合筛选的共/).innerText())?.[1] ?? NaN);
  expect(behind).toBeLessThanOrEqual(total);
  await expect(table.locator('.dt__pager')).toContainText(`共 ${behind} 条`);
  const shortFile = page.waitForEvent('download');
  await table.getByRole('button', { name: '导出 Excel' }).click();
  const shortSheet = Object.values(readWorkbook(new Uint8Array(readFileSync((await (await shortFile).path())!))))[0];
  expect(shortSheet.slice(1).filter((r) => r.length > 5)).toHaveLength(behind);

  // One sector, asked of the server: every row is of it and the count is the sector's size.
  await table.getByLabel('范围').selectOption('');
  const firstRow = table.locator('tbody tr').first();
  const sector = (await firstRow.locator('td').nth(0).innerText()).trim();
  const size = (await firstRow.locator('td').nth(2).innerText()).split('/')[1];
  await table.locator('select[aria-label="界别"]').selectOption(sector);
  await expect(table.locator('.dt__pager')).toContainText(`共 ${size} 条`, { timeout: 15_000 });
  await expect(table.locator('tbody tr')).toHaveCount(Number(size));
  for (const cell of await table.locator('tbody tr td:first-child').allInnerTexts()) expect(cell.trim()).toBe(sector);
  await page.screenshot({ path: shot('assessment-list-sector.png') });

  // The workstations of the city for the year, ranked; the printable list of the best.
  await openAs(page, 'o_staff_baiyin', '/staff/assessment/stations');
  const ranking = page.locator('.dt').filter({ visible: true }).first();
  await expect(ranking.locator('tbody tr').first()).toBeVisible({ timeout: 20_000 });
  await expect(ranking.locator('tbody tr').first().locator('td').first()).toHaveText('1');
  await page.screenshot({ path: shot('assessment-stations.png'), fullPage: true });
  const ranked = await ranking.locator('tbody tr').count();
  const stationsFile = page.waitForEvent('download');
  await ranking.getByRole('button', { name: '导出 Excel' }).click();
  const stationsBook = readWorkbook(new Uint8Array(readFileSync((await (await stationsFile).path())!)));
  const stationsSheet = Object.values(stationsBook)[0];
  expect(stationsSheet[0].slice(0, 3)).toEqual(['名次', '工作站', '得分']);
  expect(stationsSheet[1][0]).toBe(1);
  expect(stationsSheet.slice(1).filter((r) => r.length > 3).length).toBeGreaterThanOrEqual(ranked);
  await button(page, '打印表彰名单').click();
  const list = page.locator('.cert__table').filter({ visible: true });
  await expect(list.locator('.cert__tr:not(.cert__tr--head)')).toHaveCount(5, { timeout: 15_000 });
  // Consultations held at each station (小微协商) stand beside duty, receptions and concerns.
  await expect(list.locator('.cert__tr--head')).toContainText('小微协商');
  await expect(visible(page, /优秀委员工作站名单/)).toBeVisible();
  // The new page slides in over the ranking: let it settle before the picture.
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('assessment-certificates.png'), fullPage: true });

  // A 会宁 member's 履职档案 from the county's list: this year's at once, then a term of the county's sessions.
  await openAs(page, 'o_staff_huining', '/staff/assessment/index');
  await page
    .getByLabel(/的履职档案$/)
    .filter({ visible: true })
    .first()
    .click();
  const panel = page.locator('.assess-dossier').filter({ visible: true });
  await expect(panel.getByText(/^\d{4}年度$/)).toBeVisible({ timeout: 20_000 });
  await panel.locator('.county-chip').filter({ hasText: '十二届' }).click();
  await expect(panel.getByText(/^十二届（\d{4}—\d{4}年）$/)).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText(/^\d{4} 年：联系/)).toHaveCount(5);
  const termFile = page.waitForEvent('download');
  await panel.locator('taro-button-core').filter({ hasText: '下载 Word 档案' }).click();
  expect(docText((await (await termFile).path())!)).toMatch(/十二届（\d{4}—\d{4}年）委员履职档案/);
  await page.screenshot({ path: shot('assessment-dossier-staff.png') });
});

test('on a phone the assessment pages fit 390 px and the member sees their frozen score on the 成绩单', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, text, name] of [
    ['/staff/assessment/index', /位委员/, 'assessment-phone.png'],
    ['/staff/assessment/weights', '委员考核权重', 'assessment-weights-phone.png'],
    ['/staff/assessment/stations', '打印表彰名单', 'assessment-stations-phone.png'],
  ] as const) {
    await openAs(page, 'o_staff_huining', path);
    await expect(visible(page, text)).toBeVisible({ timeout: 20_000 });
    if (!path.endsWith('weights'))
      await expect(page.locator('.assess-line').filter({ visible: true }).first()).toBeVisible();
    await page.screenshot({ path: shot(name), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  // The city's quarter frozen above, on the phone: one page of 20 from the server, a pager below.
  const past = lastQuarter();
  await openAs(page, 'o_staff_baiyin', `/staff/assessment/index?year=${past.year}&quarter=${past.quarter}`);
  await expect(visible(page, /^已冻结：/)).toBeVisible({ timeout: 20_000 });
  const pager = page.locator('.assess-pager').filter({ visible: true });
  await expect(pager).toContainText('第 1 / ');
  expect(await page.locator('.assess-line').filter({ visible: true }).count()).toBe(20);
  await page.screenshot({ path: shot('assessment-frozen-phone.png'), fullPage: true });
  await pager.scrollIntoViewIfNeeded();
  for (const b of await pager.locator('taro-button-core').all())
    expect((await b.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: shot('assessment-frozen-phone-pager.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The city froze last quarter in the journey above: the member's score and rank in their sector.
  await openAs(page, 'o_member_02', '/member/record/index');
  await expect(visible(page, /季度履职考核/)).toBeVisible({ timeout: 20_000 });
  if (past.year === new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()) {
    await visible(page, `第${past.quarter}季度`).click();
    await expect(visible(page, /内排名$/)).toBeVisible({ timeout: 15_000 });
    await expect(visible(page, /^计分：/)).toBeVisible();
  }
  await page.screenshot({ path: shot('assessment-scorecard.png'), fullPage: true });

  // A 会宁 member's 履职档案 for their term (届): the card names it and the Word file says it.
  await openAs(page, 'o_member_31', '/member/record/index');
  const scope = page.locator('[aria-label="档案范围"]').filter({ visible: true });
  await expect(scope).toBeVisible({ timeout: 20_000 });
  await scope.locator('.county-chip').filter({ hasText: '十三届' }).click();
  await expect(visible(page, /^十三届（\d{4}年至今）履职档案$/)).toBeVisible();
  const dossierFile = page.waitForEvent('download');
  await button(page, '下载 Word 档案').click();
  expect(docText((await (await dossierFile).path())!)).toMatch(/十三届（\d{4}年至今）委员履职档案/);
  await expect(visible(page, /^值班到岗/)).toBeVisible();
  await page.locator('[aria-label="履职档案"]').filter({ visible: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('member-dossier-term.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
