import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Issue 14 end to end in the h5 build on a PC (1280×800): concerns filed at two stations → the
 * queue offers them as one topic, and 协商议事 suggests them as 一类事 → staff raise the topic from
 * the suggestion → screened and confirmed → the steps with the
 * three lists (suggestions, responsibilities, results) → the topic closes → each citizen sees the
 * result on their concern, and anyone on the public page. Screenshots under test-results/.
 */
test.use({ viewport: { width: 1280, height: 800 } });

const shown = (page: Page, text: string | RegExp, exact = false) =>
  page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
/** The page as a person sees it from its top, once the page transition has settled. */
/** The topic the staff page shows (its id is in the address). */
const topicIdOf = (page: Page) =>
  decodeURIComponent(new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '');
async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop && (e.scrollTop = 0)));
  await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `topic-${name}.png`) });
}
/** A part of the page as a person sees it once they scrolled to it. */
async function shotAt(page: Page, part: Locator, name: string) {
  await part.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `topic-${name}.png`) });
}
const STAFF = 'o_staff_huining';
/** A 会宁 member no other journey uses: invited to the meeting and given a research task. */
const MEMBER = 'o_member_37';

/** Arranging only, through the endpoint the app uses, as `openid`. */
async function api(page: Page, openid: string, name: string, action: string, input: object) {
  const res = await page.request.post('/__cloud/callFunction', {
    headers: { 'X-WX-OPENID': openid },
    data: { name, data: { action, input, requestId: `e2e_${Date.now()}_${Math.random().toString(36).slice(2)}` } },
  });
  const { result } = await res.json();
  expect(result.ok).toBe(true);
  return result.data;
}

/** Arranging only, through the endpoint the app uses: a citizen files a concern, staff accept it. */
async function acceptedConcern(page: Page, citizen: string, workstationId: string, title: string) {
  const call = async (openid: string, name: string, action: string, input: object) => {
    const res = await page.request.post('/__cloud/callFunction', {
      headers: { 'X-WX-OPENID': openid },
      data: { name, data: { action, input, requestId: `e2e_${Date.now()}_${Math.random().toString(36).slice(2)}` } },
    });
    const { result } = await res.json();
    expect(result.ok).toBe(true);
    return result.data;
  };
  const { _id } = await call(citizen, 'concern', 'submit', {
    workstationId,
    category: '交通出行',
    title,
    text: '小区车位太少，晚上回来没有地方停车，消防通道也经常被占用，希望协调解决。',
    consent: true,
  });
  await call(STAFF, 'concern', 'accept', { id: _id });
  return _id as string;
}

test('staff raise a topic from concerns at two stations, take it through the steps and lists, and the citizens see the result', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const tag = Date.now() % 100000;
  const citizens = [`o_e2e_topic_a${tag}`, `o_e2e_topic_b${tag}`, `o_e2e_topic_c${tag}`];
  const ids = [
    await acceptedConcern(page, citizens[0], 'ws-huishi', `西关小区停车难${tag}`),
    await acceptedConcern(page, citizens[1], 'ws-guochengyi', `镇上小区停车难${tag}`),
    await acceptedConcern(page, citizens[2], 'ws-huishi', `小区停车位不够${tag}`),
  ];

  // In the queue, the rows in hand can be raised as a topic together.
  await page.addInitScript((openid) => localStorage.setItem('lxq_openid', openid), STAFF);
  await page.goto('/#/staff/concerns/index?status=accepted');
  const table = page.getByRole('region', { name: '群众诉求' });
  await table.getByLabel('搜索').fill(String(tag));
  await table.getByLabel('搜索').press('Enter');
  await expect(table.locator('tbody tr')).toHaveCount(3, { timeout: 20_000 });
  await table.getByLabel('全选本页').check();
  await expect(table.getByRole('button', { name: '发起协商议题（3）' })).toBeVisible();

  // 协商议事 proposes them as one 一类事: three people at two stations; staff raise a topic from it.
  await page.goto('/#/staff/topic/index');
  const cluster = page.locator('.topic-cluster').filter({ hasText: `西关小区停车难${tag}` });
  await expect(cluster).toContainText('3 人在 2 个工作站反映同类问题', { timeout: 20_000 });
  await shot(page, '0-suggested');
  await cluster.locator('taro-button-core').filter({ hasText: '发起协商议题' }).click();
  await expect(shown(page, '由 3 条群众诉求发起协商议题')).toBeVisible();
  await page.locator('input[placeholder^="例如：西关社区"]').filter({ visible: true }).fill(`老旧小区停车难${tag}`);
  await page
    .locator('textarea[placeholder^="群众反映了什么"]')
    .filter({ visible: true })
    .fill('两个镇的居民反映小区车位不足、消防通道被占，需要统筹协商解决。');
  await shot(page, '1-raise');
  await button(page, '发起协商议题').click();

  // 议题收集 → 议题确定: screened against the lists, then confirmed.
  await expect(shown(page, '当前步骤：议题收集')).toBeVisible({ timeout: 20_000 });
  await expect(shown(page, `西关小区停车难${tag}`)).toBeVisible();
  await button(page, '完成本步，进入下一步').click();
  await expect(shown(page, '当前步骤：议题确定')).toBeVisible();
  await shown(page, '涉及群众切身利益的民生实事', true).click();
  await button(page, '保存审查结果').click();
  await expect(shown(page, /可以确定为协商议题/)).toBeVisible();
  await page
    .locator('input[placeholder="会师镇党委+政协委员+群众代表"]')
    .filter({ visible: true })
    .fill('会师镇党委+政协委员+群众代表');
  await shot(page, '2-screen');
  await button(page, '确定为协商议题').click();

  // 制定方案, 议前调研 recorded and passed; 协商议事 agrees the suggestions.
  await expect(shown(page, '当前步骤：制定方案')).toBeVisible();
  await page
    .locator('textarea[placeholder^="做了什么"]')
    .filter({ visible: true })
    .fill('制定协商方案，邀请两镇居民代表参加');
  await button(page, '保存记录').click();
  await expect(shown(page, '制定协商方案，邀请两镇居民代表参加')).toBeVisible();

  // 制定方案: the meeting goes out as a meeting notice to a member named; they reply to attend.
  const memberName = (await api(page, MEMBER, 'account', 'me', {})).name as string;
  const meeting = page.locator('.topic-meeting').filter({ visible: true });
  await meeting.locator('input[placeholder^="例如：会师镇委员工作站"]').fill('会师镇委员工作站会议室');
  await meeting.locator('input[placeholder="输入姓名查找委员"]').fill(memberName);
  await meeting.locator('.pick__item').filter({ hasText: memberName }).first().click();
  await meeting.locator('textarea[placeholder="李明 13900000000"]').fill('李社区 13912345678');
  await shotAt(page, meeting.locator('taro-button-core').filter({ hasText: '发出会议通知' }), '2a-meeting-arrange');
  await button(page, '发出会议通知').click();
  await expect(meeting).toContainText('邀请委员 1 人', { timeout: 20_000 });
  const noticeId = (await api(page, STAFF, 'topic', 'participants', { id: topicIdOf(page) })).meeting.noticeId;
  await api(page, MEMBER, 'notice', 'reply', { id: noticeId, attending: true });

  await button(page, '完成本步，进入下一步').click();
  await expect(shown(page, '当前步骤：议前调研')).toBeVisible();
  // 议前调研: the member is given a task.
  const research = page.locator('.topic-research').filter({ visible: true });
  await research.locator('textarea[placeholder^="例如：走访西关社区居民"]').fill('走访两镇居民，了解停车需求');
  await research.locator('input[placeholder="输入姓名查找委员"]').fill(memberName);
  await research.locator('.pick__item').filter({ hasText: memberName }).first().click();
  await button(page, '布置调研任务').click();
  await expect(research).toContainText('已完成 0 / 1', { timeout: 20_000 });

  // At the meeting the screen shows the rotating code; the member signs in with it on their phone
  // (the h5 build types the code the weapp scans) and closes their task.
  await button(page, '显示会议签到码').click();
  const digits = (await page
    .locator('.topic-code__digits')
    .filter({ visible: true })
    .textContent({ timeout: 20_000 }))!;
  expect(digits).toMatch(/^\d{6}$/);
  await shotAt(page, page.locator('.topic-code').filter({ visible: true }), '2b-meeting-code');
  const phone = await page
    .context()
    .browser()!
    .newContext({
      baseURL: test.info().project.use.baseURL,
      viewport: { width: 390, height: 844 },
    });
  const mp = await phone.newPage();
  await mp.addInitScript((openid) => localStorage.setItem('lxq_openid', openid), MEMBER);
  await mp.goto('/#/member/topic/index');
  const card = mp
    .locator('.mtopic')
    .filter({ hasText: `老旧小区停车难${tag}` })
    .filter({ visible: true });
  await card.first().locator('taro-button-core').filter({ hasText: '扫码签到' }).click();
  await card.first().locator('input[placeholder^="输入会场屏幕上的"]').fill(digits);
  await card.first().locator('taro-button-core').filter({ hasText: '提交签到码' }).click();
  await expect(card.first()).toContainText('按时签到', { timeout: 20_000 });
  const task = card.nth(1);
  await task.locator('taro-button-core').filter({ hasText: '填写调研情况' }).click();
  await task.locator('textarea').fill('走访居民 20 户，多数希望利用闲置空地增设停车位');
  await task.locator('taro-button-core').filter({ hasText: '完成调研' }).click();
  await expect(task).toContainText('已完成', { timeout: 20_000 });
  await mp.reload();
  await expect(card.first()).toContainText('按时签到', { timeout: 20_000 });
  await shot(mp, '2c-member-meeting-phone');
  // Their 成绩单 counts the meeting and the research.
  await mp.goto('/#/member/record/index');
  const part = mp.locator('.card').filter({ hasText: '参与协商议事' }).filter({ visible: true });
  await expect(part).toContainText('本季度协商会', { timeout: 20_000 });
  await part.scrollIntoViewIfNeeded();
  await mp.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'topic-2e-scorecard-phone.png') });
  await phone.close();
  await page.reload();
  await expect(meeting).toContainText('按时签到', { timeout: 20_000 });
  await expect(page.locator('.topic-research').filter({ visible: true })).toContainText('已完成 1 / 1');
  await expect(meeting).toContainText('参加');
  await shotAt(page, meeting, '2d-meeting-attended');

  await button(page, '完成本步，进入下一步').click();
  await expect(shown(page, '当前步骤：协商议事')).toBeVisible();
  await page
    .locator('textarea[placeholder^="协商会议达成的建议"]')
    .filter({ visible: true })
    .fill('利用闲置空地增设停车位\n规范消防通道管理');
  await button(page, '保存协商建议清单').click();
  await expect(shown(page, '三张清单')).toBeVisible();
  await button(page, '完成本步，进入下一步').click();
  await expect(shown(page, '当前步骤：公开公示')).toBeVisible();
  await button(page, '完成本步，进入下一步').click();

  // 组织决定: each suggestion gets its department, person, deadline, outcome and deciding body.
  await expect(shown(page, '当前步骤：组织决定')).toBeVisible();
  for (const [k, dept] of ['会师镇人民政府', '县消防救援大队'].entries()) {
    const form = page.locator('.topic-item').filter({ visible: true }).nth(k);
    await form.locator('input[placeholder="例如：县住建局"]').fill(dept);
    await form.locator('input[placeholder="姓名或职务"]').fill('分管负责同志');
    await form.locator('input[placeholder="YYYY-MM-DD"]').fill('2027-06-30');
    await form.locator('input[placeholder="可衡量的结果"]').fill('按期完成并公示');
    await form.locator('input[placeholder="例如：镇党委会议"]').fill('会师镇党委会议');
    await form.locator('taro-button-core').filter({ hasText: '落实责任' }).click();
    await expect(page.locator('.topic-item').filter({ visible: true }).nth(k)).toContainText(`责任落实：${dept}`);
  }
  await shot(page, '3-decision');
  await button(page, '完成本步，进入下一步').click();

  // 跟踪落实: a result for each; the last one closes the topic.
  await expect(shown(page, '当前步骤：跟踪落实')).toBeVisible();
  for (const result of ['已新增停车位 52 个', '消防通道已划线并设置警示牌']) {
    const item = page
      .locator('.topic-item')
      .filter({ visible: true })
      .filter({ hasNot: page.locator('.topic-item__result') })
      .first();
    await item.locator('input[placeholder="办理进展，或最终结果"]').fill(result);
    await item.locator('taro-button-core').filter({ hasText: '反馈结果' }).click();
    await expect(shown(page, `结果：${result}`)).toBeVisible();
  }
  await expect(shown(page, '已办结', true)).toBeVisible();
  await shot(page, '4-closed');

  // The list counts it among this year's figures; the same pages at phone size.
  await page.goto('/#/staff/topic/index');
  await page.reload();
  const topics = page.getByRole('region', { name: '协商议题' });
  await expect(topics.locator('tbody tr').filter({ hasText: `老旧小区停车难${tag}` })).toContainText('已办结');
  await expect(shown(page, '办结议题')).toBeVisible();
  // The server orders the whole list by 提出时间 either way; the search box narrows it as one types.
  const raised = topics.locator('th', { hasText: '提出时间' });
  const firstRow = topics.locator('tbody tr').first();
  await raised.getByRole('button').click();
  await expect(raised).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstRow).not.toContainText(`老旧小区停车难${tag}`);
  await expect(topics.locator('tbody tr').last()).toContainText(`老旧小区停车难${tag}`);
  await raised.getByRole('button').click();
  await expect(raised).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRow).toContainText(`老旧小区停车难${tag}`);
  await topics.getByLabel('搜索').fill(`停车难${tag}`);
  await expect(topics.locator('tbody tr')).toHaveCount(1);
  await expect(topics.getByText('共 1 条')).toBeVisible();
  expect(decodeURIComponent(page.url())).toContain(`q=停车难${tag}`);
  await shot(page, '5-list');
  await topics.getByLabel('搜索').fill('');
  await expect(topics.locator('tbody tr')).not.toHaveCount(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(shown(page, `老旧小区停车难${tag}`)).toBeVisible({ timeout: 20_000 });
  await shot(page, '6-list-phone');
  await shown(page, `老旧小区停车难${tag}`).click();
  await expect(shown(page, '三张清单')).toBeVisible();
  await shot(page, '7-detail-phone');

  // Each citizen sees the results on their own concern.
  for (const [i, citizen] of citizens.entries()) {
    await page.evaluate((openid) => localStorage.setItem('lxq_openid', openid), citizen);
    await page.goto(`/#/pages/concern/detail?id=${ids[i]}`);
    await page.reload();
    await expect(shown(page, /已转为协商议题/)).toBeVisible({ timeout: 20_000 });
    await expect(shown(page, '办理结果：已新增停车位 52 个')).toBeVisible();
    await expect(shown(page, '办理结果：消防通道已划线并设置警示牌')).toBeVisible();
  }
  await shot(page, '8-citizen-concern');

  // The station page lists it, and its public page shows the lists without anyone's name.
  await page.goto('/#/pages/workstation/index?id=ws-guochengyi');
  await shown(page, `老旧小区停车难${tag}`).click();
  await expect(shown(page, '结果：已新增停车位 52 个')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('杨振华')).toHaveCount(0);
  await shot(page, '9-public');
});
