import { handlersFor, citizenMe, workstation } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, waitForText } from './helpers/simulate';

beforeAll(() => bootApp(handlersFor(citizenMe)));

describe('weapp main package, as a citizen', () => {
  it('when the home page opens, then it shows the title and the workstations the server returns', async () => {
    const page = await renderPage('pages/index/index');
    const text = await waitForText(page, workstation.name);
    expect(text).toContain('连心桥');
    expect(text).toContain('委员联系界别群众');
    expect(text).toContain(workstation.name);
    expect(text).toContain('委员工作站');
    // Citizens see three tabs and no 委员 / 工作台.
    expect(text).toContain('我的诉求');
    expect(text).not.toContain('工作台');
    const call = cloudCalls().find((c) => c.name === 'org' && c.action === 'listWorkstations');
    expect(call?.input).toMatchObject({ page: 1, pageSize: 20 });
    page.unmount();
  });

  it('when a workstation page opens by id, then it shows its address, hours, head and the submit button', async () => {
    const page = await renderPage('pages/workstation/index', { id: 'ws_1' });
    const text = await waitForText(page, '在此反映诉求');
    expect(text).toContain(workstation.name);
    expect(text).toContain(workstation.address);
    expect(text).toContain(workstation.openingHours);
    expect(text).toContain('赵建国');
    expect(text).toContain('在此反映诉求');
    page.unmount();
  });

  it('when the submit form opens for a workstation, then it shows every field label and the consent link', async () => {
    const page = await renderPage('pages/concern/submit', {
      workstationId: 'ws_1',
      name: encodeURIComponent(workstation.name),
    });
    const text = await waitForText(page, '诉求类别');
    for (const label of ['诉求类别', '标题', '具体内容', '联系电话（选填）', '匿名提交', '《隐私说明》', '提交']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('医疗卫生');
    expect(text).toContain(workstation.name);
    page.unmount();
  });

  it('when 我的诉求 opens, then each concern shows with its status label and China time', async () => {
    const page = await renderPage('pages/concern/mine');
    const text = await waitForText(page, '小区门口路灯坏了三个月');
    expect(text).toContain('小区门口路灯坏了三个月');
    expect(text).toContain('办理中');
    expect(text).toContain('2025-03-01 10:30');
    page.unmount();
  });

  it('when the privacy page opens, then it says what is collected and who sees it', async () => {
    const page = await renderPage('pages/privacy/index');
    const text = page.text();
    expect(text).toContain('我们收集什么');
    expect(text).toContain('谁能看到');
    expect(text).toContain('138****5678');
    // The retention figure is the units' setting, read from the server.
    expect(await waitForText(page, '诉求办结后保存 3 年')).toContain('诉求办结后保存 3 年');
    page.unmount();
  });

  it('when the invite page opens with a code, then it shows who the invitation is for and 绑定', async () => {
    const page = await renderPage('account/invite', { code: 'K7M2P9QX' });
    const text = await waitForText(page, '李文华');
    expect(text).toContain('李文华');
    expect(text).toContain('委员');
    expect(text).toContain('兰州市政协');
    expect(text).toContain('绑定');
    const call = cloudCalls().find((c) => c.action === 'inspectInvitation');
    expect(call?.input).toEqual({ code: 'K7M2P9QX' });
    page.unmount();
  });

  it('when 我的 opens for a citizen, then it offers 我的诉求 and 输入邀请码 but no staff entries', async () => {
    const page = await renderPage('pages/me/index');
    const text = await waitForText(page, '输入邀请码');
    expect(text).toContain('群众');
    expect(text).toContain('我的诉求');
    expect(text).toContain('输入邀请码');
    expect(text).not.toContain('诉求管理');
    page.unmount();
  });
});
