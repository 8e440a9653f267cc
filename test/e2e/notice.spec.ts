import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Notices, end to end in the h5 build: county staff send a meeting notice to one sector; a member
 * of that sector sees the badge, reads it and replies attending; staff see read 1/N and the reply.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `notice-${name}.png`), fullPage: true });

/** Arranging only: which 会宁 sector has members, and one of them (through the same endpoint the app uses). */
async function pickSector(page: Page) {
  const ask = async (action: string, input: object) => {
    const res = await page.request.post('/__cloud/callFunction', {
      headers: { 'X-WX-OPENID': 'o_staff_huining' },
      data: { name: 'notice', data: { action, input } },
    });
    return (await res.json()).result.data;
  };
  const { sectors } = await ask('options', {});
  for (const s of sectors) {
    const r = await ask('resolve', { targets: { sectorIds: [s._id] } });
    if (r.count >= 1) return { sector: s.name as string, member: r.sample[0].name as string, count: r.count as number };
  }
  throw new Error('会宁没有有委员的界别');
}

async function switchTo(page: Page, name: string) {
  await shown(page, '切换身份').click();
  // The name may also be on the page underneath (the follow-up table): pick it in the picker.
  await page.locator('.idsw').getByText(name).filter({ visible: true }).first().click();
  await expect(shown(page, '切换身份')).toBeVisible();
}

test('staff send a meeting notice to one sector; a member reads it and replies; staff see read 1/N and the reply', async ({
  page,
}) => {
  const { sector, member, count } = await pickSector(page);
  const title = `关于召开${sector}界别委员座谈会的通知 ${Date.now() % 10000}`;

  await page.goto('/');
  await switchTo(page, '杨振华');
  await shown(page, '工作台').click();
  await button(page, '通知').click();
  await button(page, '发通知').click();
  await button(page, '会议通知').click();
  await page.locator('input[placeholder="例如：关于召开界别委员座谈会的通知"]').fill(title);
  await page.locator('input[placeholder="例如：县政协三楼会议室"]').fill('县政协三楼会议室');
  await shown(page, new RegExp(`^${sector}`)).click();
  await expect(shown(page, `将发送给 ${count} 人`)).toBeVisible();
  await shot(page, '1-compose');
  await button(page, `发送（${count} 人）`).click();
  await shown(page, '发送', true).click();

  await expect(shown(page, '通知回执'))
    .toBeVisible({ timeout: 15_000 })
    .catch(() => undefined);
  await expect(shown(page, title)).toBeVisible();
  await expect(shown(page, `0/${count}`)).toBeVisible();

  await switchTo(page, member);
  await page.goto('/#/member/home/index');
  await expect(page.locator('.tabbar__badge').filter({ visible: true }).first()).toBeVisible({ timeout: 15_000 });
  await shot(page, '2-member-badge');
  // The cell's own container takes the pointer over its title: tap the cell itself.
  await page
    .locator('.nut-cell')
    .filter({ hasText: '通知消息' })
    .filter({ visible: true })
    .first()
    .dispatchEvent('click');
  await shown(page, title).click();
  await expect(shown(page, '县政协三楼会议室')).toBeVisible();
  await button(page, /^参加$/).click();
  await expect(shown(page, '✓ 已回执：参加')).toBeVisible();
  await shot(page, '3-member-replied');

  await switchTo(page, '杨振华');
  await page.goto('/#/staff/notices/index');
  await shown(page, title).click();
  await expect(shown(page, `1/${count}`)).toBeVisible();
  await expect(shown(page, '参加', true)).toBeVisible();
  await expect(shown(page, member)).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, '4-staff-follow-up');
});
