import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../liaisonXlsx';

/**
 * Notices, end to end in the h5 build: county staff send a meeting notice to one sector; a member
 * of that sector sees the badge, reads it and replies attending; staff see read 1/N and the reply,
 * and export the 参加 tab.
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
  // The 参加 tab exported as shown, through the export job: the workbook holds the one reply.
  await shown(page, '参加', true).click();
  const download = page.waitForEvent('download');
  await button(page, '导出 Excel').click();
  const sheet = readWorkbook(new Uint8Array(readFileSync((await (await download).path())!)))['回执'];
  expect(sheet.slice(1).map((r) => [r[0], r[6]])).toEqual([[member, '参加']]);
  await expect(shown(page, '已导出 1 行')).toBeVisible();
  await expect(shown(page, /^下载 通知回执-/)).toBeVisible();
  await shot(page, '5-staff-exported');
});

const PDF = Buffer.from('%PDF-1.4\n% 学习材料\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2b1f5a40000000049454e44ae426082',
  'hex',
);

test('staff attach a PDF and an image (a Word file is refused); the member sees both and opens one', async ({
  page,
}) => {
  const { sector, member, count } = await pickSector(page);
  const title = `关于开展专题学习的通知 ${Date.now() % 10000}`;

  await page.goto('/');
  await switchTo(page, '杨振华');
  await page.goto('/#/staff/notices/compose');
  await page.locator('input[placeholder="例如：关于召开界别委员座谈会的通知"]').fill(title);
  await page.locator('textarea').first().fill('各位委员：\n\n学习材料见附件，请认真学习。');
  const chooser = page.waitForEvent('filechooser');
  await button(page, '添加附件').click();
  await (
    await chooser
  ).setFiles([
    { name: '学习材料.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: '会场示意图.png', mimeType: 'image/png', buffer: PNG },
    { name: '报名表.docx', mimeType: 'application/msword', buffer: Buffer.from('word') },
  ]);
  await expect(shown(page, '学习材料.pdf')).toBeVisible();
  await expect(shown(page, '会场示意图.png')).toBeVisible();
  await expect(shown(page, /「报名表.docx」不是 PDF 或图片/)).toBeVisible();
  await shown(page, '学习材料.pdf').scrollIntoViewIfNeeded();
  await shot(page, '5-compose-attachments');
  await shown(page, new RegExp(`^${sector}`)).click();
  await expect(shown(page, `将发送给 ${count} 人`)).toBeVisible();
  await button(page, `发送（${count} 人）`).click();
  await shown(page, '发送', true).click();
  await expect(shown(page, title)).toBeVisible({ timeout: 15_000 });
  await expect(shown(page, '学习材料.pdf')).toBeVisible();

  await switchTo(page, member);
  await page.goto('/#/member/inbox/index');
  await shown(page, title).click();
  await expect(shown(page, '附件（2）')).toBeVisible();
  await shot(page, '6-member-attachments');
  // The PDF opens in a new window through its temporary link; storage serves anything that is not
  // an image as a download (never inline from the app's origin), so the browser saves it.
  const fetched = page
    .context()
    .waitForEvent('request', (r) => r.url().includes('/__cloud/files/notice-files/o_staff_huining/'));
  await shown(page, '学习材料.pdf').click();
  const url = (await fetched).url();
  const res = await page.request.get(url);
  expect(res.headers()['content-disposition']).toMatch(/^attachment/);
  expect(Buffer.from(await res.body()).equals(PDF)).toBe(true);
});

test('staff cancel a scheduled notice after confirming: the list shows 已取消', async ({ page }) => {
  const { sector } = await pickSector(page);
  const title = `定时发送的学习通知 ${Date.now() % 10000}`;
  // Arranging: a notice scheduled for tomorrow, through the endpoint the app uses.
  const options = await page.request.post('/__cloud/callFunction', {
    headers: { 'X-WX-OPENID': 'o_staff_huining' },
    data: { name: 'notice', data: { action: 'options', input: {} } },
  });
  const sectorId = (await options.json()).result.data.sectors.find((s: { name: string }) => s.name === sector)._id;
  const sent = await page.request.post('/__cloud/callFunction', {
    headers: { 'X-WX-OPENID': 'o_staff_huining' },
    data: {
      name: 'notice',
      data: {
        action: 'send',
        requestId: `req_e2e_cancel_${Date.now()}`,
        input: {
          title,
          body: '请认真学习。',
          targets: { sectorIds: [sectorId] },
          sendAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    },
  });
  expect((await sent.json()).result.data.status).toBe('scheduled');

  await page.goto('/');
  await switchTo(page, '杨振华');
  await page.goto('/#/staff/notices/index');
  await shown(page, title).click();
  await expect(shown(page, /发出前可以取消/)).toBeVisible();
  await shot(page, '7-scheduled');
  await button(page, '取消发送').click();
  await shown(page, '取消通知', true).click();
  await expect(shown(page, /这条通知没有发出/)).toBeVisible();
  await shot(page, '8-cancelled');
  await page.goBack();
  const row = page.locator('.notice-row').filter({ hasText: title }).filter({ visible: true }).first();
  await expect(row.getByText('已取消')).toBeVisible();
  await shot(page, '9-list-cancelled');
});
