import { handlersFor, memberMe } from './helpers/fixtures';
import { bootApp, renderPage, waitForText } from './helpers/simulate';

beforeAll(() => bootApp(handlersFor(memberMe)));

describe('weapp member subpackage', () => {
  it('when the member home opens, then it shows the member, the unit and the 委员 tab', async () => {
    const page = await renderPage('member/home/index');
    const text = await waitForText(page, '李文华');
    expect(text).toContain('李文华');
    expect(text).toContain('兰州市政协');
    expect(text).toContain('我的诉求');
    // The member's day replaces the old "即将上线" card.
    expect(text).not.toContain('即将上线');
    expect(text).toContain('记一笔联系');
    // A plain member leads no 网格 group: 我联系的委员 is not offered.
    expect(text).not.toContain('我联系的委员');
    // members see 委员 but not 工作台
    expect(text).toContain('委员');
    expect(text).not.toContain('工作台');
    page.unmount();
  });
});
