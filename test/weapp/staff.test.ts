import { handlersFor, staffMe } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, waitForText } from './helpers/simulate';

beforeAll(() => bootApp(handlersFor(staffMe)));

describe('weapp staff subpackage', () => {
  it('when the staff concerns page opens, then it shows status tabs with counts and the rows', async () => {
    const page = await renderPage('staff/concerns/index');
    await waitForText(page, '菜市场周边占道经营严重');
    const text = await waitForText(page, '待受理 3');
    expect(text).toContain('待受理 3');
    expect(text).toContain('已受理 2');
    expect(text).toContain('已答复 5');
    expect(text).toContain('全部 10');
    expect(text).toContain('菜市场周边占道经营严重');
    expect(text).toContain('匿名群众');
    expect(text).toContain('138****5678');
    expect(text).toContain('2025-03-01 10:30');
    // staff see the 工作台 tab
    expect(text).toContain('工作台');
    const call = cloudCalls().find((c) => c.action === 'listForStaff');
    expect(call?.input).toMatchObject({ status: 'submitted', page: 1 });
    page.unmount();
  });

  it('when the invitations page opens, then it shows the form with role choices and the invitation list', async () => {
    const page = await renderPage('staff/invitations/index');
    const text = await waitForText(page, 'K7M2P9QX');
    for (const label of ['新建邀请', '被邀请人姓名', '身份', '所属单位', '界别', '生成邀请码']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('工作人员');
    // A plain staff member is offered only the roles they may grant: not 管理员.
    expect(text).not.toContain('管理员');
    expect(text).toContain('兰州市政协');
    expect(text).toContain('张三');
    expect(text).toContain('待使用');
    page.unmount();
  });

  it('when 我的 opens for staff, then it shows the name, unit and the staff entries', async () => {
    const page = await renderPage('pages/me/index');
    const text = await waitForText(page, '王静');
    expect(text).toContain('王静');
    expect(text).toContain('工作人员');
    expect(text).toContain('兰州市政协');
    expect(text).toContain('诉求管理');
    expect(text).toContain('邀请码管理');
    page.unmount();
  });
});
