import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Issue 13 on a 390×844 phone, the 我要反映 form as a new user meets it: long text stays in its
 * box, a reload keeps what was typed, an empty submit says everything at once. Screenshots are
 * kept under test-results/ and looked at.
 */
const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `phone-${name}.png`) });
const FORM =
  '/#/pages/concern/submit?workstationId=ws-huishi&name=%E4%BC%9A%E5%B8%88%E9%95%87%E5%A7%94%E5%91%98%E5%B7%A5%E4%BD%9C%E7%AB%99&source=qr';
const textarea = (page: Page) => page.locator('textarea[placeholder^="请描述时间、地点"]').filter({ visible: true });
const titleInput = (page: Page) =>
  page.locator('input[placeholder="例如：小区门口路灯坏了三个月"]').filter({ visible: true });

test.beforeEach(({ page }) => {
  // The leave guard asks before a reload: the person here chooses to leave.
  page.on('dialog', (d) => void d.accept());
});

test('when a citizen types 1,000 characters and reloads mid-form, then the text stays in its box and the draft comes back', async ({
  page,
}) => {
  await page.goto(FORM);
  await expect(shown(page, '会师镇委员工作站')).toBeVisible({ timeout: 20_000 });
  const long = '楼道灯坏了。'.repeat(170).slice(0, 1000);
  await shown(page, '民生', true).click();
  await titleInput(page).fill(
    '这是一个非常非常长的标题，用来看看标题超过四十个字的时候，会不会把后面的字悄悄截掉而不告诉人',
  );
  await textarea(page).fill(long);
  // The title is not cut: the counter says by how much it is over.
  await expect(shown(page, /超出 \d+ 字/)).toBeVisible();
  await expect(shown(page, '1000/1000')).toBeVisible();

  // The long text scrolls inside its box: the box ends above the photo field's label.
  const box = await page.locator('.longtext .field__box').first().boundingBox();
  const photos = await shown(page, /照片（选填/).boundingBox();
  expect(box && photos && box.y + box.height <= photos.y).toBe(true);
  const consent = shown(page, '我已阅读并同意');
  await consent.scrollIntoViewIfNeeded();
  await consent.click();
  await shot(page, 'long-text');

  await page.reload();
  await expect(shown(page, '已恢复上次未提交的内容')).toBeVisible({ timeout: 20_000 });
  await expect(textarea(page)).toHaveValue(long);
  await expect(titleInput(page)).toHaveValue(/^这是一个非常非常长的标题/);
  await shot(page, 'draft-restored');

  // 清空重填 forgets it, also after another reload.
  await shown(page, '清空重填').click();
  await expect(textarea(page)).toHaveValue('');
  await page.reload();
  await expect(shown(page, '会师镇委员工作站')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, '已恢复上次未提交的内容')).toHaveCount(0);
});

test('when a citizen submits an empty form, then every field says what is missing at once and no subscribe prompt comes', async ({
  page,
}) => {
  await page.goto(FORM);
  await expect(shown(page, '会师镇委员工作站')).toBeVisible({ timeout: 20_000 });
  await button(page, '提交').click();
  for (const message of ['请选择类别', '请填写标题', '请填写内容', '请阅读并同意隐私说明']) {
    await expect(shown(page, message)).toBeVisible();
  }
  await expect(shown(page, '接收消息提醒')).toHaveCount(0);
  // Scrolled to the first message.
  await expect(shown(page, '请选择类别')).toBeInViewport();
  await shot(page, 'empty-submit');

  // Filled in, the one tap that sends asks for the subscription once, and the unit's dates come back.
  await shown(page, '交通出行', true).click();
  await titleInput(page).fill('公园路口红绿灯时间太短');
  await textarea(page).fill('公园路与北京路交叉口的人行绿灯只有15秒，老人和孩子过马路来不及，建议延长到30秒以上。');
  await button(page, '填写地点').click();
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 35.6941, longitude: 105.0847 });
  await page.locator('input[placeholder^="地点名称"]').filter({ visible: true }).fill('公园路与北京路交叉口');
  await button(page, '确定').click();
  await expect(shown(page, '公园路与北京路交叉口', true)).toBeVisible();
  await expect(shown(page, /纬度|经度/)).toHaveCount(0);
  await shown(page, '我已阅读并同意').click();
  await shot(page, 'form-complete');
  await button(page, '提交').click();
  await expect(shown(page, '允许', true)).toBeVisible();
  await expect(shown(page, /允许「连心桥」发送：诉求办理进度提醒$/)).toBeVisible();
  await shown(page, '允许', true).click();
  await expect(shown(page, '提交成功')).toBeVisible();
  await expect(shown(page, '受理编号')).toBeVisible();
  await expect(shown(page, /前受理/)).toBeVisible();
  await shot(page, 'done');
});
