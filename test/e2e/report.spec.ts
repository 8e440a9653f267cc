import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * 社情民意信息, end to end in the h5 build (issue 15): a 会宁 member drafts a report from a concern
 * assigned to them and submits it; the county desk adopts it and sends it up; 白银市 adopts it and
 * records a 批示; the citizen sees 已形成社情民意信息 on their concern and the member sees the decision.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const field = (page: Page, label: string) =>
  page
    .locator('.field')
    .filter({ has: page.locator('.field__label', { hasText: label }) })
    .filter({ visible: true })
    .first()
    .locator('input, textarea')
    .first();
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `report-${name}.png`), fullPage });

let seq = 0;
async function ask<T>(page: Page, openid: string, name: string, input: unknown): Promise<T> {
  const [fn, action] = name.split('.');
  const res = await page.request.post('/__cloud/callFunction', {
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
    data: { name: fn, data: { action, input, requestId: `e2e-report-${Date.now()}-${seq++}` } },
  });
  const body = (await res.json()) as { result: { ok: boolean; data: T; error?: unknown } };
  expect(body.result.ok, JSON.stringify(body.result.error)).toBe(true);
  return body.result.data;
}

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

test('a member drafts a report from a concern; the county adopts and sends it up; the city adopts it with a 批示; the citizen and the member see it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const citizen = 'o_e2e_report_citizen';
  const member = 'o_member_31';
  const title = `E2E 村里到县城班车太少 ${Date.now() % 10000}`;
  const { _id: concernId } = await ask<{ _id: string }>(page, citizen, 'concern.submit', {
    workstationId: 'ws-huishi',
    category: '交通出行',
    title,
    text: '我们村到县城每天只有两班车，看病办事很不方便，我的电话13912345678，希望增加班次。',
    consent: true,
  });
  await ask(page, 'o_staff_huining', 'concern.accept', { id: concernId });
  await ask(page, 'o_staff_huining', 'concern.assign', { id: concernId, target: { kind: 'member', id: 'user-m31' } });

  // From the concern assigned to them, the member starts a report: the concern comes picked.
  await openAs(page, member, `/member/assigned/detail?id=${concernId}`);
  await page
    .locator('.nut-cell')
    .filter({ hasText: '整理成社情民意信息' })
    .filter({ visible: true })
    .first()
    .click({ timeout: 20_000 });
  await expect(page.locator('.report-pick--on').filter({ hasText: title })).toBeVisible({ timeout: 20_000 });
  await shot(page, 'pick');
  await button(page, '生成草稿').click();
  await expect(field(page, '标题')).toHaveValue(new RegExp(title.slice(4, 12)), { timeout: 20_000 });
  await expect(field(page, '基本情况')).toHaveValue(/看病办事很不方便/);
  await expect(field(page, '基本情况')).not.toHaveValue(/13912345678/);
  await field(page, '意见建议').fill('建议县交通运输局增加该线路班次，研究开通城乡公交，方便群众看病办事。');
  await shot(page, 'draft');
  await button(page, '保存并报送').click();
  await expect(shown(page, '待审核')).toBeVisible({ timeout: 20_000 });
  const reportId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
  expect(reportId).toBeTruthy();

  // The county desk, on a PC: the report waits in 待本级处理; it adopts it and sends it up.
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAs(page, 'o_staff_huining', '/staff/report/index');
  const table = page.getByRole('region', { name: '社情民意信息' });
  await expect(table.locator('tr', { hasText: '建议' }).first()).toBeVisible({ timeout: 20_000 });
  await shot(page, 'staff-list', false);
  await openAs(page, 'o_staff_huining', `/staff/report/detail?id=${reportId}`);
  // The desk edits it inside the console (menu and breadcrumbs stay), then comes back to decide.
  await button(page, '编辑').click();
  const editor = page.locator('.taro_page').filter({ visible: true }).last();
  await expect(editor.locator('.desk__menu')).toBeVisible({ timeout: 20_000 });
  await expect(editor.getByText('编辑信息').first()).toBeVisible();
  await expect(field(page, '反映人/单位')).toHaveValue(/委员/, { timeout: 20_000 });
  await field(page, '反映人/单位').fill('会宁县政协委员');
  await shot(page, 'staff-edit', false);
  await button(page, '保存').click();
  await expect(shown(page, '反映人/单位：会宁县政协委员')).toBeVisible({ timeout: 20_000 });
  await button(page, '采用').click();
  await field(page, '期号').fill('第 8 期');
  await button(page, '确认采用').click();
  await expect(shown(page, '采用于')).toBeVisible({ timeout: 15_000 });
  await button(page, '上报上一级').click();
  await button(page, '确认上报上一级').click();
  await expect(shown(page, /当前在政协白银市委员会/)).toBeVisible({ timeout: 15_000 });

  // The city desk adopts it in 《社情民意》 and records the 批示.
  await openAs(page, 'o_staff_baiyin', `/staff/report/detail?id=${reportId}`);
  await button(page, '采用').click();
  await field(page, '期号').fill('第 12 期');
  await button(page, '确认采用').click();
  await expect(shown(page, '《社情民意》第 12 期')).toBeVisible({ timeout: 15_000 });
  await button(page, '登记批示').click();
  await field(page, '批示领导职务').fill('市委副书记');
  await field(page, '批示内容').fill('请市交通运输局研究落实，推动城乡公交覆盖。');
  await button(page, '确认登记批示').click();
  await expect(shown(page, '请市交通运输局研究落实，推动城乡公交覆盖。')).toBeVisible({ timeout: 15_000 });
  await shot(page, 'staff-detail');

  // The citizen sees the phrase and the status on their concern — not the report's text.
  await page.setViewportSize({ width: 390, height: 844 });
  await openAs(page, citizen, `/pages/concern/detail?id=${concernId}`);
  await expect(shown(page, /已形成社情民意信息 · 已采用，获领导批示/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('市委副书记').filter({ visible: true })).toHaveCount(0);
  await shot(page, 'citizen');

  // The member sees each level's decision and the 批示.
  await openAs(page, member, `/member/report/detail?id=${reportId}`);
  await expect(shown(page, '《社情民意》第 12 期')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, /市委副书记/)).toBeVisible();
  await expect(shown(page, '已采用')).toBeVisible();
  await shot(page, 'member');
  // 我的社情民意 lists it with the highest adoption.
  await openAs(page, member, '/member/report/index');
  await expect(shown(page, /市级采用 《社情民意》第 12 期/)).toBeVisible({ timeout: 20_000 });
});
