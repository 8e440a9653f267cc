import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * 公开征题 in the h5 build: staff publish a call from 协商议事 on a PC; on a phone a citizen finds
 * it on a workstation's page, backs a proposal (once: then it reads 已支持) and proposes a topic of
 * their own. Screenshots under test-results/.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `topic-call-${name}.png`) });
}

test('staff publish a call for topics; a citizen backs a proposal once and proposes one of their own', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now() % 100000;
  const closesOn = new Date(Date.now() + 8 * 3_600_000 + 20 * 86_400_000).toISOString().slice(0, 10);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    if (!localStorage.getItem('lxq_openid')) localStorage.setItem('lxq_openid', 'o_staff_huining');
  });
  await page.goto('/#/staff/topic/index');
  await button(page, '发起公开征题').click();
  await page.locator('input[placeholder^="例如：2027"]').filter({ visible: true }).fill(`乡村文化议题征集${tag}`);
  await page
    .locator('textarea[placeholder^="征集什么方面"]')
    .filter({ visible: true })
    .fill('征集乡村文化建设方面的协商议题。');
  await page.locator('input[placeholder="YYYY-MM-DD"]').filter({ visible: true }).fill(closesOn);
  await shot(page, '1-staff');
  await button(page, '发布征题').click();
  await expect(shown(page, '已发布，查看征题 ›')).toBeVisible();

  // A citizen on a phone, from the station page.
  await page.evaluate(() => localStorage.setItem('lxq_openid', `o_e2e_call_${Date.now()}`));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/pages/workstation/index?id=ws-huishi');
  await page.reload();
  await shown(page, '2027 年度民生实事协商议题征集').click({ timeout: 20_000 });
  await expect(shown(page, '城区公共厕所太少')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '2 人支持')).toBeVisible();
  await button(page, /^支持$/).click();
  await expect(shown(page, '3 人支持')).toBeVisible();
  await expect(button(page, '已支持')).toBeVisible();
  await page
    .locator('input[placeholder="一句话说清楚想协商什么"]')
    .filter({ visible: true })
    .fill(`村口缺少健身器材${tag}`);
  await page
    .locator('textarea[placeholder="为什么需要协商、涉及哪些人"]')
    .filter({ visible: true })
    .fill('村口空地没有健身器材，老人锻炼不方便，建议配置一批。');
  await button(page, '提交议题').click();
  await expect(shown(page, `村口缺少健身器材${tag}`)).toBeVisible();
  await expect(shown(page, '我提出的')).toBeVisible();
  await shot(page, '2-citizen');
});

test('a member recommends a topic from their liaison records, and staff find it as 委员荐题', async ({ page }) => {
  test.setTimeout(120_000);
  const tag = Date.now() % 100000;
  await page.addInitScript(() => {
    if (!localStorage.getItem('lxq_openid')) localStorage.setItem('lxq_openid', 'o_member_02');
  });
  await page.goto('/#/member/liaison/index');
  await button(page, '推荐协商议题').click();
  await page.locator('.topic-records .nut-checkbox').filter({ visible: true }).first().click({ timeout: 20_000 });
  await page.locator('input[placeholder^="例如：中小学"]').filter({ visible: true }).fill(`社区助老食堂${tag}`);
  await page
    .locator('textarea[placeholder^="联系中听到了什么"]')
    .filter({ visible: true })
    .fill('走访中多位老人反映吃饭难，希望社区开办老年助餐食堂。');
  await shot(page, '3-member');
  await button(page, '推荐议题').click();
  await expect(shown(page, '我的联系记录')).toBeVisible({ timeout: 20_000 });

  // The member's unit is the city's: its staff see it (a county's staff would not).
  await page.evaluate(() => localStorage.setItem('lxq_openid', 'o_staff_baiyin'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/staff/topic/index?source=member');
  await page.reload();
  const row = page
    .getByRole('region', { name: '协商议题' })
    .locator('tbody tr')
    .filter({ hasText: `社区助老食堂${tag}` });
  await expect(row).toContainText('委员荐题', { timeout: 20_000 });
  await expect(row).toContainText('议题收集');
});
