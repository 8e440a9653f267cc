import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * 提案, end to end in the h5 build (issue 15): a sector's convener drafts a sector proposal and
 * invites two co-signers, who confirm; it is submitted, 立案 by county staff and handed to two
 * handling units (教育局 主办, 交通运输局 协办); both answer with a PDF; the convener is not
 * satisfied, the 主办 unit answers again, and the convener is satisfied: 已办结.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
/** A screenshot of what a person sees, scrolled to `at` when given. */
async function shot(page: Page, name: string, at?: string | RegExp) {
  if (at) await shown(page, at).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `proposal-${name}.png`) });
}
const PDF = Buffer.from('%PDF-1.4\n% 答复函\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function ask(page: Page, openid: string, action: string, input: object) {
  const res = await page.request.post('/__cloud/callFunction', {
    headers: { 'X-WX-OPENID': openid },
    data: { name: 'proposal', data: { action, input } },
  });
  return (await res.json()).result;
}

/** Arranging only: the 会宁 member who convenes a sector, and two members they may invite. */
async function people(page: Page) {
  const accounts = (await (await page.request.get('/__cloud/accounts')).json()) as { openid: string; name: string }[];
  for (const a of accounts.filter((x) => x.openid.startsWith('o_member_'))) {
    const options = await ask(page, a.openid, 'formOptions', {});
    if (options.ok && options.data.sectors.length) {
      const found = (await ask(page, a.openid, 'cosignerOptions', { q: '' })).data as { name: string }[];
      return {
        convener: a.name,
        sector: options.data.sectors[0].name as string,
        cosigners: found.slice(0, 2).map((m) => m.name),
      };
    }
  }
  throw new Error('会宁没有界别召集人');
}

async function switchTo(page: Page, name: string) {
  await shown(page, '切换身份').click();
  await page.locator('.idsw').getByText(name).filter({ visible: true }).first().click();
  await expect(shown(page, '切换身份')).toBeVisible();
}

async function answer(page: Page, id: string, category: RegExp, text: string, file: string, acknowledge: boolean) {
  await page.goto(`/#/staff/proposal/handle?id=${id}`);
  if (acknowledge) {
    await button(page, /^签收$/).click();
    await expect(shown(page, '提交答复')).toBeVisible();
  }
  await shown(page, category).click();
  await page.locator('textarea').filter({ visible: true }).first().fill(text);
  const chooser = page.waitForEvent('filechooser');
  await button(page, /上传答复函|重新选择/).click();
  await (await chooser).setFiles([{ name: file, mimeType: 'application/pdf', buffer: PDF }]);
  await expect(shown(page, file)).toBeVisible();
  await button(page, '提交答复').click();
}

test('a sector proposal with two co-signers is filed, handled by two units, rated 不满意, answered again and rated 满意', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const { convener, sector, cosigners } = await people(page);
  const title = `关于${sector}助力县域教育发展的建议 ${Date.now() % 10000}`;

  // The convener drafts for the sector and invites two co-signers.
  await switchTo(page, convener);
  await page.goto('/#/member/proposal/edit');
  await shown(page, '界别提案', true).click();
  await page.locator('input[placeholder="关于……的建议"]').fill(title);
  await page
    .locator('textarea')
    .filter({ visible: true })
    .first()
    .fill(
      '一、情况分析：我县农村学校师资不足，寄宿条件较差。\n二、具体建议：加大投入，改善寄宿条件，推动城乡教师交流。',
    );
  for (const name of cosigners) await page.locator('.proposal-pick__item').filter({ hasText: name }).first().click();
  await shot(page, '1-draft', '邀请联名');
  await button(page, '保存草稿').click();
  await expect(shown(page, '提交提案')).toBeVisible({ timeout: 15_000 });
  const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
  expect(id).toBeTruthy();

  // Each co-signer confirms from 我的提案.
  for (const name of cosigners) {
    await switchTo(page, name);
    await page.goto('/#/member/proposal/index');
    await expect(shown(page, title)).toBeVisible();
    await page
      .locator('.proposal-row')
      .filter({ hasText: title })
      .locator('taro-button-core')
      .filter({ hasText: '确认联名' })
      .click();
    await expect(shown(page, '已确认联名')).toBeVisible();
  }

  await switchTo(page, convener);
  await page.goto(`/#/member/proposal/detail?id=${id}`);
  await expect(shown(page, new RegExp(`${cosigners[0]}（已确认）`))).toBeVisible();
  await button(page, '提交提案').click();
  await shown(page, '提交', true).click();
  await expect(shown(page, '待审查')).toBeVisible();

  // County staff file it and hand it to two units (the console at 1280×800).
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchTo(page, '杨振华');
  await page.goto('/#/staff/proposal/index');
  await expect(
    page
      .getByText(/^共 [1-9]\d* 条$/)
      .filter({ visible: true })
      .first(),
  ).toBeVisible({ timeout: 15_000 });
  await expect(shown(page, title)).toBeVisible();
  await shot(page, '2-staff-table');
  await page.goto(`/#/staff/proposal/detail?id=${id}`);
  await button(page, /^确定$/).click();
  await expect(shown(page, '已立案')).toBeVisible();
  await page.locator('.proposal-pick__item').filter({ hasText: '会宁县教育局' }).first().click();
  await page.locator('.proposal-assists .proposal-pick__item').filter({ hasText: '会宁县交通运输局' }).click();
  await page.locator('input[placeholder="YYYY-MM-DD"]').filter({ visible: true }).fill('2099-06-30');
  await button(page, /^交办$/).click();
  await expect(shown(page, '办理中')).toBeVisible();
  await shot(page, '3-staff-assigned', '办理情况');

  // Both units answer: the 主办 and the 协办.
  await page.setViewportSize({ width: 390, height: 844 });
  await switchTo(page, '李文斌');
  await answer(page, id, /^A 类/, '已将农村寄宿制学校改造列入年度计划。', '教育局答复函.pdf', true);
  await expect(shown(page, '教育局答复函.pdf')).toBeVisible();
  await shot(page, '4-handler-answered', '办理情况');
  await switchTo(page, '张建军');
  await answer(page, id, /^B 类/, '将优化农村学生上下学公交线路。', '交通运输局答复函.pdf', true);

  // Not satisfied: back to the 主办 unit once.
  await switchTo(page, convener);
  await page.goto(`/#/member/proposal/detail?id=${id}`);
  await expect(shown(page, '已答复')).toBeVisible();
  await shown(page, '不满意', true).click();
  await page.locator('textarea').filter({ visible: true }).last().fill('寄宿条件改善的时间表不明确');
  await button(page, '提交评价').click();
  await expect(shown(page, '重新办理', true)).toBeVisible();

  await switchTo(page, '李文斌');
  await answer(page, id, /^A 类/, '已明确今年秋季学期前完成三所学校宿舍改造。', '教育局再次答复.pdf', false);

  await switchTo(page, convener);
  await page.goto(`/#/member/proposal/detail?id=${id}`);
  await expect(shown(page, '教育局再次答复.pdf', false)).toBeVisible();
  await shown(page, '满意', true).click();
  await button(page, '提交评价').click();
  await expect(shown(page, '已办结')).toBeVisible();
  await expect(shown(page, '已评价')).toBeHidden({ timeout: 5_000 });
  await shot(page, '5-closed', title);
});
