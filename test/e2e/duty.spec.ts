import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Duty, end to end in the h5 build (issue 5). The browser's geolocation is granted and placed at
 * the station, as a member standing in it would be.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const input = (page: Page, placeholder: string) =>
  page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first();
const shot = (name: string) => join(__dirname, '..', '..', 'test-results', name);

const RENMIN = { latitude: 36.5467, longitude: 104.1743 };
const MEDICAL = { latitude: 36.5502, longitude: 104.1695 };

/** Opens a page as a seeded account (what the 切换身份 picker stores). */
async function openAs(page: Page, openid: string, path: string) {
  // A page of the same origin that is not the app, so the app starts once, as this person.
  await page.goto('/__cloud/health');
  await page.evaluate(`localStorage.setItem('lxq_openid', ${JSON.stringify(openid)})`);
  await page.goto(`/#${path}`);
}

async function nameOf(page: Page, openid: string): Promise<string> {
  const res = await page.request.get('/__cloud/accounts');
  const accounts = (await res.json()) as { openid: string; name: string }[];
  return accounts.find((a) => a.openid === openid)!.name;
}

/** China date and a clock a few minutes ago / some hours ahead (the shift must be open now). */
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
/** The form starts with 周一–周五 chosen: the chips to tap so that today and the weekend are. */
function weekdaysToToggle() {
  const today = (new Date(Date.now() + 8 * 3_600_000).getUTCDay() + 6) % 7; // 0 = 周一
  const wanted = new Set([today, 5, 6]);
  return WEEKDAYS.filter((_, i) => wanted.has(i) !== i < 5);
}

function chinaNow(offsetMinutes: number) {
  const d = new Date(Date.now() + 8 * 3_600_000 + offsetMinutes * 60_000);
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const clock =
    d.toISOString().slice(0, 10) === day ? d.toISOString().slice(11, 16) : offsetMinutes < 0 ? '00:00' : '23:59';
  return { day, clock };
}

test('staff build a weekly roster; the member signs in by location, is shown on duty, records a reception that becomes a concern; the board shows attendance', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(RENMIN);
  const member = 'o_member_07';
  const name = await nameOf(page, member);
  const { day, clock: from } = chinaNow(-5);
  const { clock: to } = chinaNow(180);
  const week = new Date(Date.now() + 8 * 3_600_000 + 6 * 86_400_000).toISOString().slice(0, 10);

  // Staff: a weekly rotation at 人民路 from today, every day of the week.
  await openAs(page, 'o_staff_baiyin', '/staff/duty/roster');
  await shown(page, '白银区人民路街道委员工作站').click();
  await input(page, '开始日期').fill(day);
  await input(page, '结束日期').fill(week);
  // Today's weekday and the weekend: the seeded future shifts are on working days (09:00 and
  // 14:30), so a window around "now" repeated on other working days could clash with them.
  for (const d of weekdaysToToggle()) await shown(page, d, true).click();
  await input(page, '开始时间').fill(from);
  await input(page, '结束时间').fill(to);
  // The member's choice (name and sector), not a row of the shift list below that may load first.
  await shown(page, new RegExp(`^${name}（`)).click();
  await button(page, '生成轮值排班').click();
  await expect(shown(page, /^已排 \d+ 个班次/)).toBeVisible();

  // Member: sees the shift and signs in where the station is.
  await openAs(page, member, '/member/duty/index');
  await expect(shown(page, '白银区人民路街道委员工作站')).toBeVisible();
  await button(page, '定位签到').click();
  // A late sign-in says by how many minutes.
  await expect(shown(page, /^迟到 \d+ 分钟$/)).toBeVisible();
  await expect(shown(page, /签到 \d\d:\d\d（距工作站 \d+ 米）/)).toBeVisible();

  // Public: the station page shows them on duty today.
  await openAs(page, 'o_e2e_passer_by', '/pages/workstation/index?id=ws-renmin');
  await expect(shown(page, '今日值班委员')).toBeVisible();
  await expect(shown(page, name, true)).toBeVisible();
  await expect(shown(page, /· 在岗/)).toBeVisible();
  await page.screenshot({ path: shot('duty-public-station.png') });

  // Member: a reception that becomes a concern on the person's behalf.
  await openAs(page, member, '/member/duty/index');
  await button(page, '记录接待').click();
  await page.locator('textarea[placeholder="例如：反映小区停车难"]').fill('反映人民路老旧小区停车难');
  await input(page, '经本人同意后填写').fill('张大爷');
  await shown(page, '来访人同意记录其姓名、电话并代为提交诉求').click();
  await page.locator('.nut-switch').filter({ visible: true }).first().click();
  await shown(page, '交通出行', true).click();
  await input(page, '一句话说清楚是什么事').fill('人民路老旧小区停车位不足');
  await page
    .locator('textarea[placeholder="时间、地点、具体情况"]')
    .fill('人民路 126 号附近老旧小区没有停车位，晚上车辆占用消防通道，希望增设停车位。');
  await button(page, '保存接待记录').click();
  await expect(shown(page, '已记录并提交诉求')).toBeVisible();

  // Staff: the board shows the member attended, with the reception and the concern.
  await openAs(page, 'o_staff_baiyin', '/staff/duty/index');
  await expect(shown(page, /到岗 1\/1 班 · 接待 1 · 代收诉求 1/)).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: shot('duty-board.png'), fullPage: true });
});

test('a member signs in with the rotating code shown on the station tablet', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(MEDICAL);
  const member = 'o_member_10';
  const name = await nameOf(page, member);
  const { day, clock: from } = chinaNow(-5);
  const { clock: to } = chinaNow(120);

  await openAs(page, 'o_staff_baiyin', '/staff/duty/roster');
  await shown(page, '医药卫生界委员工作室').click();
  await shown(page, '单个班次', true).click();
  await input(page, '日期，如 2026-12-01').fill(day);
  await input(page, '开始时间').fill(from);
  await input(page, '结束时间').fill(to);
  await shown(page, new RegExp(`^${name}（`)).click();
  await button(page, '添加班次').click();
  await expect(shown(page, /已添加 1 个班次/)).toBeVisible();

  await openAs(page, 'o_staff_baiyin', '/staff/workstations/tablet?id=ws-medical');
  const codeBox = page.locator('.tablet__code').filter({ visible: true }).first();
  await expect(codeBox).toHaveText(/^\d{6}$/);
  await page.screenshot({ path: shot('duty-tablet-code.png') });
  const code = (await codeBox.textContent())!.trim();

  await openAs(page, member, '/member/duty/index');
  await expect(shown(page, '医药卫生界委员工作室')).toBeVisible();
  await button(page, '扫码签到').click();
  await input(page, '输入工作站平板上的 6 位签到码').fill('000000' === code ? '111111' : '000000');
  await button(page, '提交签到码').click();
  await expect(shown(page, /签到码无效或已过期/)).toBeVisible();
  await input(page, '输入工作站平板上的 6 位签到码').fill(code);
  await button(page, '提交签到码').click();
  await expect(shown(page, /签到 \d\d:\d\d（扫码）/)).toBeVisible();
  await page.screenshot({ path: shot('duty-signed-in-by-code.png') });
});
