import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Issue 4 end to end in the h5 build: a citizen arrives by a workstation's QR link and submits
 * with a photo → county staff accept and assign to a member → the member starts and replies →
 * the citizen rates → the staff figures show the answer and the rating. Screenshots of each step
 * are kept under test-results/.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
/** The page just opened: h5 keeps the pages behind it in the DOM, and one may still show the same title. */
const newest = (page: Page) => page.locator('.taro_page').last();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `concern-${name}.png`) });

async function switchTo(page: Page, who: string) {
  await shown(page, '切换身份').click();
  await page.locator('.idsw__item').filter({ hasText: who }).filter({ visible: true }).first().click();
  await expect(shown(page, '切换身份')).toBeVisible();
}

test('a citizen submits by QR with a photo, staff assign, the member replies, the citizen rates, the figures change', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = `幸福小区供暖不热 ${Date.now() % 10000}`;
  const accounts = (await (await page.request.get('/__cloud/accounts')).json()) as { openid: string; name: string }[];
  const member = accounts.find((a) => a.openid === 'o_member_31')!.name;

  // Citizen: the QR code's scene opens the station.
  await page.goto('/#/pages/workstation/index?scene=ws%3Dhuishi');
  // The first call may meet a cold function instance: allow it a little longer.
  await expect(shown(page, '会师镇委员工作站')).toBeVisible({ timeout: 20_000 });
  await button(page, '在此反映诉求').click();
  await shown(page, '民生', true).click();
  await page.locator('input[placeholder="例如：小区门口路灯坏了三个月"]').fill(title);
  await page
    .locator('textarea[placeholder^="请描述时间、地点"]')
    .fill('幸福小区入冬以来室内温度只有十四度左右，老人孩子受不了，希望尽快协调供热公司解决。');
  const chooser = page.waitForEvent('filechooser');
  await shown(page, '+ 添加照片').click();
  await (await chooser).setFiles(join(__dirname, 'fixtures', 'streetlight.png'));
  await expect(page.locator('.photos__item').filter({ visible: true })).toHaveCount(1);
  await shown(page, '我已阅读并同意').click();
  await shot(page, '1-citizen-form');
  await button(page, '提交').click();
  await shown(page, '允许', true).click();
  await expect(shown(page, '提交成功')).toBeVisible();
  const citizen = (await page.evaluate("localStorage.getItem('lxq_openid')")) as string;
  await button(page, '查看办理进度').click();
  await expect(shown(page, '待受理')).toBeVisible();
  await expect(page.locator('.concern-photos__img').filter({ visible: true })).toHaveCount(1);

  // Staff of 会宁: accept and assign to a member.
  await switchTo(page, '杨振华');
  await page.goto('/#/staff/concerns/index');
  await newest(page).locator('.staff-row').filter({ hasText: title }).click();
  await button(page, '受理').click();
  await shown(page, '确定', true).click();
  await expect(shown(page, '已受理')).toBeVisible();
  await button(page, '交办').click();
  await shown(page, member, true).click();
  await button(page, '确定交办').click();
  await expect(shown(page, `交办给委员${member}`)).toBeVisible();
  await shot(page, '2-staff-assigned');

  // Member: 分派给我 → start → reply.
  await switchTo(page, member);
  await page.goto('/#/member/assigned/index');
  await newest(page).locator('.card').filter({ hasText: title }).click();
  await button(page, '开始办理').click();
  await page
    .locator('textarea[placeholder^="说明办理情况"]')
    .filter({ visible: true })
    .fill('已联系供热公司加压供热，三天内室温达到十八度以上，请您留意，如仍不达标可再反映。');
  await button(page, '提交答复').click();
  await shown(page, '提交', true).click();
  await expect(shown(page, '已答复')).toBeVisible();
  await shot(page, '3-member-replied');

  // Citizen: rate the answer (back on the same phone: the browser's anonymous citizen).
  await page.evaluate(
    `localStorage.setItem('lxq_openid', ${JSON.stringify(citizen)}); localStorage.removeItem('lxq_identity_name')`,
  );
  await page.goto('/#/pages/concern/mine');
  await page.reload();
  // 我的诉求 says there is news until the citizen opens it.
  const row = page.locator('.concern-row').filter({ hasText: title }).filter({ visible: true }).first();
  await expect(row).toContainText('有新进展');
  await shot(page, '4-citizen-news');
  await shown(page, title).click();
  await expect(shown(page, '对答复满意吗？')).toBeVisible();
  await page.locator('.stars__star').filter({ visible: true }).nth(4).click();
  await button(page, '提交评价').click();
  await expect(shown(page, '我的评价')).toBeVisible();
  await shot(page, '5-citizen-rated');

  // Staff figures now include the answer and the rating.
  await switchTo(page, '杨振华');
  await page.goto('/#/staff/concerns/index');
  const summary = page.locator('.staff-summary').filter({ visible: true });
  await expect(summary).toContainText('平均评分');
  await expect(summary.locator('.staff-summary__item').nth(3)).toContainText('5');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, '6-staff-figures');
});
