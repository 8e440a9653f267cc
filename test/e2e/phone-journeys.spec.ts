import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Issue 13 on a 390×844 phone: a citizen without location still finds a station; a member's day
 * on the 委员 home; the whole citizen journey in 大字模式. Screenshots kept under test-results/.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `phone-${name}.png`), fullPage: true });

/** Asks the emulated cloud as `openid` (what the h5 build does for the page). */
async function ask<T>(page: Page, openid: string, name: string, input: unknown): Promise<T> {
  const [fn, action] = name.split('.');
  const res = await page.request.post('/__cloud/callFunction', {
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
    data: { name: fn, data: { action, input } },
  });
  const body = (await res.json()) as { result: { ok: boolean; data: T } };
  expect(body.result.ok).toBe(true);
  return body.result.data;
}

/** Opens `path` as `openid`: the app reads who it is when it starts, so it starts again. */
async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate((id) => {
    localStorage.clear();
    localStorage.setItem('lxq_openid', id);
  }, openid);
  await page.goto(`/#${path}`);
}

test.beforeEach(({ page }) => {
  page.on('dialog', (d) => void d.accept());
});

test('when a citizen refuses location, then 附近的工作站 lists stations by county and by a word, and one opens', async ({
  page,
  context,
}) => {
  await context.clearPermissions();
  await page.goto('/#/pages/index/index');
  await expect(shown(page, '委员工作站（')).toBeVisible({ timeout: 20_000 });
  // The hero's "或在这里直接反映" has its button.
  await shown(page, '我要反映', true).click();
  await expect(shown(page, '选择要反映给哪个工作站')).toBeVisible();
  await expect(shown(page, /无法获取位置|不支持定位/)).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '会宁县', true)).toBeVisible();
  await shown(page, '会宁县', true).click();
  await expect(shown(page, '✓ 会宁县')).toBeVisible();
  await page.locator('input[placeholder^="搜索工作站"]').filter({ visible: true }).fill('会师');
  await expect(shown(page, '会师镇委员工作站')).toBeVisible();
  await shot(page, 'near-denied');
  await shown(page, '会师镇委员工作站').click();
  // From 我要反映 the station's form opens straight away.
  await expect(shown(page, '诉求类别')).toBeVisible();
  await expect(shown(page, '会师镇委员工作站')).toBeVisible();
});

test('when a member on a running shift opens 委员 home, then the shift with its sign-in, the counts and 记一笔联系 are there', async ({
  page,
}) => {
  await page.goto('/');
  const duty = await ask<{ today: { name: string; start: string; end: string }[] }>(
    page,
    'o_anyone',
    'duty.stationDuty',
    {
      workstationId: 'ws-huishi',
    },
  );
  const now = Date.now();
  const running = duty.today.find((p) => Date.parse(p.start) <= now && Date.parse(p.end) > now);
  expect(running).toBeTruthy();
  const accounts = (await (await page.request.get('/__cloud/accounts')).json()) as { openid: string; name: string }[];
  const member = accounts.find((a) => a.name === running!.name)!;

  await openAs(page, member.openid, '/member/home/index');
  await expect(shown(page, '今天')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '会师镇委员工作站')).toBeVisible();
  await expect(button(page, '定位签到').or(button(page, '记录接待'))).toBeVisible();
  await expect(shown(page, '待办诉求 ›')).toBeVisible();
  await expect(shown(page, '未读通知 ›')).toBeVisible();
  await expect(shown(page, /第\d季度联系 ›/)).toBeVisible();
  await expect(button(page, '记一笔联系')).toBeVisible();
  await expect(shown(page, '即将上线')).toHaveCount(0);
  await shot(page, 'member-home');
  await button(page, '记一笔联系').click();
  await expect(shown(page, '保存联系记录')).toBeVisible();
});

test('when a plain member opens 委员 home, then 我联系的委员 is not offered; a director sees it', async ({ page }) => {
  await openAs(page, 'o_member_31', '/member/home/index');
  await expect(shown(page, '我的成绩单')).toBeVisible({ timeout: 20_000 });
  const grid = await ask<{ groups: unknown[] }>(page, 'o_member_31', 'liaison.grid', {});
  await page.waitForTimeout(500);
  await expect(shown(page, '我联系的委员')).toHaveCount(grid.groups.length ? 1 : 0);
  await openAs(page, 'o_member_03', '/member/home/index');
  const lead = await ask<{ groups: unknown[] }>(page, 'o_member_03', 'liaison.grid', {});
  expect(lead.groups.length).toBeGreaterThan(0);
  await expect(shown(page, '我联系的委员')).toBeVisible({ timeout: 20_000 });
});

test('when a citizen turns on 大字模式, then the whole journey to a stored concern reads large and still fits', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await openAs(page, 'o_citizen_large', '/pages/me/index');
  await expect(shown(page, '大字模式')).toBeVisible({ timeout: 20_000 });
  await page.locator('.text-size .nut-switch').filter({ visible: true }).first().click();
  await expect(shown(page, /已开启/)).toBeVisible();
  await shot(page, 'large-me');
  const fits = async (name: string) => {
    // After the page's slide-in: during it the old and the new page stand side by side.
    await page.waitForTimeout(800);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} overflows sideways`).toBeLessThanOrEqual(1);
    const body = await page.evaluate(() => {
      const el = document.querySelector('.page--large .muted, .page--large .field__label, .page--large .card-title');
      return el ? parseFloat(getComputedStyle(el).fontSize) : 0;
    });
    expect(body, `${name} text size`).toBeGreaterThanOrEqual(18);
  };
  await fits('我的');

  await page.goto('/#/pages/index/index');
  await expect(shown(page, '委员工作站（')).toBeVisible({ timeout: 20_000 });
  await fits('首页');
  await shot(page, 'large-home');
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 35.6941, longitude: 105.0847 });
  await shown(page, '我要反映', true).click();
  // The station is picked on the near page; the home page behind it lists the same station, so
  // the click is kept to the page that asks (during the slide-in both stand in the document).
  await expect(shown(page, '选择要反映给哪个工作站')).toBeVisible({ timeout: 20_000 });
  const picker = page.locator('.taro_page').filter({ has: page.getByText('选择要反映给哪个工作站') });
  await picker.getByText('会师镇委员工作站').first().click();
  await expect(shown(page, '诉求类别')).toBeVisible();
  await fits('反映');
  await shown(page, '民生', true).click();
  await page
    .locator('input[placeholder="例如：小区门口路灯坏了三个月"]')
    .filter({ visible: true })
    .fill('楼道灯坏了一个月');
  await page
    .locator('textarea[placeholder^="请描述时间、地点"]')
    .filter({ visible: true })
    .fill('幸福小区三号楼二单元楼道灯坏了一个月，老人晚上上下楼看不见，请帮忙修一下。');
  await shown(page, '我已阅读并同意').click();
  await shot(page, 'large-form');
  await button(page, '提交').click();
  await shown(page, '允许', true).click();
  await expect(shown(page, '提交成功')).toBeVisible();
  await fits('提交成功');
  await shot(page, 'large-done');
  await button(page, '查看办理进度').click();
  await expect(shown(page, '办理过程')).toBeVisible();
  await fits('诉求详情');
  await shot(page, 'large-detail');
});
