/**
 * The concern pages a person works in, rendered from the weapp build against the real concern
 * function (an in-process emulator): the citizen's detail (timeline, rating, reopening), the
 * member's 分派给我 and its detail (start, reply), and the staff's time-limit settings and links.
 * Each test taps what a person taps, then checks the page and the stored concern.
 */
import { staffMe } from './helpers/fixtures';
import { fieldText, typeInField } from './helpers/forms';
import { routeToEmulator } from './helpers/emulated';
import { bootApp, renderPage, tapText, waitForText, type RenderedPage } from './helpers/simulate';
import { startSystem, WHO, type System } from '../integration/system';

let sys: System;
let cloud: ReturnType<typeof routeToEmulator>;

beforeAll(async () => {
  sys = await startSystem();
  // Who the app thinks it is (the 切换身份 of the tab bar); the data come from the emulator.
  bootApp({ 'account.me': () => ({ ...staffMe, roles: ['citizen', 'member', 'staff', 'admin'] }) });
  cloud = routeToEmulator(sys, WHO.citizen, { me: { ...staffMe, roles: ['citizen', 'member', 'staff', 'admin'] } });
}, 60_000);
afterAll(() => sys.stop());

const CITIZEN = 'o_weapp_citizen';
const stored = async (id: string) => (await sys.db.collection('concerns').doc(id).get()).data;

/**
 * A concern of `by`'s (CITIZEN unless the test never acts as the submitter) taken as far as `to`.
 * One citizen may submit 6 an hour (the router's limit), so tests that don't need CITIZEN use another.
 */
async function concern(
  to: 'assigned' | 'in_progress' | 'replied',
  title = '路口红绿灯时间太短',
  by = CITIZEN,
): Promise<string> {
  const { _id: id } = await sys.as(by).ok('concern.submit', {
    workstationId: 'ws-huishi',
    category: '交通出行',
    title,
    text: '会师大道与西关路口的人行绿灯只有十五秒，老人过不去马路，希望延长。',
    consent: true,
  });
  await sys.as(WHO.cityStaff).ok('concern.accept', { id });
  await sys.as(WHO.cityStaff).ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  if (to === 'assigned') return id;
  await sys.as(WHO.member).ok('concern.start', { id });
  if (to === 'in_progress') return id;
  await sys.as(WHO.member).ok('concern.reply', { id, text: '已与交警大队沟通，人行绿灯延长到三十秒，下周一起执行。' });
  return id;
}

async function waitUntil(ok: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return ok();
}

async function open(route: string, query: Record<string, string>, wait: string): Promise<RenderedPage> {
  const page = await renderPage(route, query);
  await waitForText(page, wait, 5000);
  return page;
}

describe('citizen: pages/concern/detail', () => {
  it('when the reply has come, then the timeline shows each step, and rating it stores the score and shows 我的评价', async () => {
    const id = await concern('replied');
    cloud.as(CITIZEN);
    const page = await open('pages/concern/detail', { id }, '对答复满意吗？');
    const text = page.text();
    expect(text).toContain('路口红绿灯时间太短');
    expect(text).toContain('已答复');
    expect(text).toContain('人行绿灯延长到三十秒');
    expect(text).toContain('办理过程');
    // Newest first: the submitter reads the assigned member by name, "工作人员" for the office,
    // "我" for themselves; of the assignment only whom it went to.
    const timeline = text.slice(text.indexOf('办理过程'));
    let at = 0;
    for (const step of [
      '答复',
      '委员',
      '开始办理',
      '委员',
      '交办',
      '工作人员',
      '交办给委员',
      '受理',
      '工作人员',
      '提交诉求',
      '我',
    ]) {
      const found = timeline.indexOf(step, at);
      expect({ step, found: found >= 0 }).toEqual({ step, found: true });
      at = found + step.length;
    }
    // Opening it was seeing it: 我的诉求 no longer shows 有新进展.
    expect((await stored(id)).submitterUnread).toBe(false);

    await tapText(page, '提交评价'); // no star chosen: a toast, nothing sent
    expect(page.text()).not.toContain('我的评价');
    expect((await stored(id)).rating).toBeNull();
    await tapText(page, '★'); // the fifth star
    await typeInField(page, '评价', '很快就解决了，谢谢');
    await tapText(page, '提交评价');
    const after = await waitForText(page, '我的评价', 5000);
    expect(after).toContain('很快就解决了，谢谢');
    expect(after).not.toContain('对答复满意吗？');
    expect((await stored(id)).rating).toMatchObject({ score: 5, comment: '很快就解决了，谢谢' });
    page.unmount();
  });

  it('when the citizen asks to reopen with a reason, then it is back 办理中 and the offer is gone', async () => {
    const id = await concern('replied');
    cloud.as(CITIZEN);
    const page = await open('pages/concern/detail', { id }, '申请重新办理');
    expect(page.text()).toContain('答复后 7 天内可申请重新办理一次');
    await tapText(page, '申请重新办理');
    await typeInField(page, '重新办理的理由', '短');
    await tapText(page, '提交申请');
    expect(fieldText(page, '重新办理的理由')).toContain('至少 4 个字');
    expect((await stored(id)).status).toBe('replied');
    await typeInField(page, '重新办理的理由', '晚高峰时绿灯还是只有十五秒');
    await tapText(page, '提交申请');
    const text = await waitForText(page, '晚高峰时绿灯还是只有十五秒', 5000);
    expect(text).toContain('办理中');
    expect(text).not.toContain('答复后 7 天内可申请重新办理一次');
    expect(await stored(id)).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    page.unmount();
  });

  it('when something happened since the last look, then 我的诉求 shows 有新进展 until the concern is opened', async () => {
    const id = await concern('assigned', '公交站台缺少遮阳棚');
    cloud.as(CITIZEN);
    const row = (p: RenderedPage) => p.text().slice(p.text().indexOf('公交站台缺少遮阳棚'));
    const list = await open('pages/concern/mine', {}, '公交站台缺少遮阳棚');
    expect(row(list)).toMatch(/^公交站台缺少遮阳棚\s*有新进展\s*已交办/);
    list.unmount();
    const detail = await open('pages/concern/detail', { id }, '公交站台缺少遮阳棚');
    detail.unmount();
    const again = await open('pages/concern/mine', {}, '公交站台缺少遮阳棚');
    expect(row(again)).toMatch(/^公交站台缺少遮阳棚\s*已交办/);
    again.unmount();
  });

  it('when someone else opens the concern, then they are told it does not exist', async () => {
    const id = await concern('assigned', undefined, 'o_weapp_citizen_2');
    cloud.as('o_weapp_stranger');
    const page = await open('pages/concern/detail', { id }, '诉求不存在或已删除');
    expect(page.text()).not.toContain('路口红绿灯时间太短');
    page.unmount();
  });
});

describe('member: 分派给我 and its detail', () => {
  it('when a concern is assigned, then 分派给我 lists it with its deadline, and 已答复 does not', async () => {
    const id = await concern('assigned', '小学门口缺少减速带', 'o_weapp_citizen_2');
    cloud.as(WHO.member);
    const page = await open('member/assigned/index', {}, '小学门口缺少减速带');
    const text = page.text();
    expect(text).toContain('待办理');
    expect(text).toContain('已交办');
    expect(text).toMatch(/期限 \d\d-\d\d/);
    expect(text).toContain('会师镇委员工作站');
    await tapText(page, '已答复');
    const done = await waitUntil(() => !page.text().includes('小学门口缺少减速带'));
    expect(done).toBe(true);
    expect(page.text()).not.toContain('已交办');
    expect((await stored(id)).assigneeOpenid).toBe(WHO.member);
    page.unmount();
  });

  it('when the member starts and then replies, then the citizen’s status follows and the reply is stored', async () => {
    const id = await concern('assigned');
    cloud.as(WHO.member);
    const page = await open('member/assigned/detail', { id }, '开始办理');
    expect(page.text()).toContain('提交人：群众');
    await tapText(page, '开始办理');
    await waitForText(page, '答复群众', 5000);
    expect(await stored(id)).toMatchObject({ status: 'in_progress', submitterUnread: true });

    await typeInField(page, '答复内容', '太短了');
    await tapText(page, '提交答复');
    expect(fieldText(page, '答复内容')).toContain('至少 10 个字');
    expect((await stored(id)).status).toBe('in_progress');
    await typeInField(page, '答复内容', '已与交警大队沟通，人行绿灯延长到三十秒。');
    await tapText(page, '提交答复');
    const text = await waitForText(page, '已答复', 5000);
    expect(text).toContain('委员');
    expect(text).not.toContain('提交答复');
    expect(await stored(id)).toMatchObject({
      status: 'replied',
      reply: { text: '已与交警大队沟通，人行绿灯延长到三十秒。' },
    });
    // The citizen's list now says there is news.
    const mine = await sys.as(CITIZEN).ok('concern.listMine', { pageSize: 50 });
    expect(mine.items.find((c) => c._id === id)?.unread).toBe(true);
    page.unmount();
  });
});

describe('staff: time limits and links', () => {
  it('when an admin saves time limits, then bad numbers are named per field and good ones are stored', async () => {
    cloud.as(WHO.admin);
    const page = await open('staff/concerns/settings', {}, '诉求办理时限');
    const text = page.text();
    expect(text).toContain('白银市');
    expect(text).toContain('受理或不予受理（工作日）');
    expect(text).toContain('首次答复（天）');
    await typeInField(page, '受理或不予受理', '0');
    await tapText(page, '保存');
    expect(fieldText(page, '受理或不予受理')).toContain('至少 1 个工作日');
    await typeInField(page, '受理或不予受理', '4');
    await typeInField(page, '首次答复', '20');
    await tapText(page, '保存');
    await waitForText(page, '已保存', 5000);
    expect(await sys.as(WHO.admin).ok('concern.getSettings', {})).toMatchObject({
      acceptWorkingDays: 4,
      replyDays: 20,
    });
    await sys.as(WHO.admin).ok('concern.saveSettings', { acceptWorkingDays: 3, replyDays: 15 });
    page.unmount();
  });

  it('when staff attach a proposal to a concern, then it shows on the concern and the citizen sees it', async () => {
    const id = await concern('in_progress');
    cloud.as(WHO.cityStaff);
    const page = await open('staff/concerns/detail', { id }, '关联成果（群众可见）');
    await tapText(page, '添加关联');
    await tapText(page, '提案');
    await tapText(page, '保存关联');
    expect(fieldText(page, '标题')).toContain('请填写关联标题');
    await typeInField(page, '标题', '关于延长老城区路口行人绿灯时间的提案');
    await typeInField(page, '编号或链接', '第 0042 号');
    await tapText(page, '保存关联');
    const text = await waitForText(page, '已转为提案', 5000);
    expect(text).toContain('已转为提案：关于延长老城区路口行人绿灯时间的提案（第 0042 号）');
    const view = await sys.as(CITIZEN).ok('concern.get', { id });
    expect(view.links).toEqual([
      { kind: 'proposal', refId: '第 0042 号', title: '关于延长老城区路口行人绿灯时间的提案' },
    ]);
    page.unmount();
  });
});
