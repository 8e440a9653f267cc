/**
 * Issue 13 in the weapp build: the share cards, 大字模式 (the switch and WeChat's own font size),
 * and the member's day on the 委员 home.
 */
import { handlersFor, memberMe, workstation } from './helpers/fixtures';
import { bootApp, renderPage, setHandlers, waitForText } from './helpers/simulate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const wx = () => (globalThis as unknown as { wx: Any }).wx;
const storage = new Map<string, unknown>();

beforeAll(() => {
  bootApp(handlersFor(memberMe));
  Object.assign(wx(), {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
  });
});
beforeEach(() => storage.clear());

/** What WeChat gets when the person taps 转发 (the page's onShareAppMessage). */
const share = (page: Any) =>
  page.comp.instance.onShareAppMessage({ from: 'menu' }) as { title: string; path: string; imageUrl?: string };

describe('sharing', () => {
  it('when a workstation page is shared, then the card names the station, shows its photo and arrivals by it count as share', async () => {
    const page = await renderPage('pages/workstation/index', { id: 'ws_1' });
    await waitForText(page, workstation.name);
    await waitForText(page, workstation.phone);
    const card = share(page);
    expect(card.title).toContain(workstation.name);
    expect(card.path).toBe('/pages/workstation/index?id=ws_1&source=share');
    expect(card.imageUrl).toBe(workstation.photoUrl);
    page.unmount();
  });

  it('when the concern form is shared, then the card opens an empty form for the same station, as share', async () => {
    const page = await renderPage('pages/concern/submit', {
      workstationId: 'ws_1',
      name: encodeURIComponent(workstation.name),
    });
    await waitForText(page, '诉求类别');
    const card = share(page);
    expect(card.title).toContain(workstation.name);
    expect(card.path).toContain('workstationId=ws_1');
    expect(card.path).toContain('source=share');
    page.unmount();
  });
});

describe('大字模式', () => {
  const large = (page: Any) => JSON.stringify(page.data()).includes('page--large');

  it('when it was switched on, then pages open large; when never chosen, a normal WeChat font keeps them normal', async () => {
    let page = await renderPage('pages/me/index');
    await waitForText(page, '大字模式');
    expect(large(page)).toBe(false);
    page.unmount();

    storage.set('lxq_text_size', 'large');
    page = await renderPage('pages/me/index');
    expect(await waitForText(page, '已开启')).toContain('已开启');
    expect(large(page)).toBe(true);
    page.unmount();
  });

  it('when WeChat is set to a large font and nothing was chosen, then pages follow it; an explicit 关 wins', async () => {
    const original = wx().getAppBaseInfo;
    wx().getAppBaseInfo = () => ({ ...original(), fontSizeSetting: 21, fontSizeScaleFactor: 21 / 17 });
    let page = await renderPage('pages/index/index');
    await waitForText(page, '连心桥');
    expect(large(page)).toBe(true);
    page.unmount();

    storage.set('lxq_text_size', 'normal');
    page = await renderPage('pages/index/index');
    await waitForText(page, '连心桥');
    expect(large(page)).toBe(false);
    page.unmount();
    wx().getAppBaseInfo = original;
  });
});

describe('the member home', () => {
  it('when a shift of theirs is running, then the home shows it with 定位签到, the counts and 记一笔联系', async () => {
    const now = Date.now();
    const shift = {
      _id: 'sh1',
      workstationId: 'ws_1',
      workstationName: workstation.name,
      date: '2026-11-28',
      start: new Date(now - 30 * 60_000).toISOString(),
      end: new Date(now + 150 * 60_000).toISOString(),
      status: 'scheduled',
      members: [
        {
          userId: 'u_member',
          name: '李文华',
          sectorName: '',
          avatar: null,
          outcome: 'pending',
          signedInAt: '',
          signedOutAt: '',
          earlyLeave: false,
        },
      ],
      mine: {
        userId: 'u_member',
        name: '李文华',
        sectorName: '',
        avatar: null,
        outcome: 'pending',
        signedInAt: '',
        signedOutAt: '',
        earlyLeave: false,
        method: null,
        distance: null,
      },
      request: null,
    };
    setHandlers({
      ...handlersFor(memberMe),
      'duty.myShifts': () => ({ items: [shift], total: 1, page: 1, pageSize: 1 }),
      'concern.listAssigned': () => ({ items: [], total: 3, page: 1, pageSize: 1 }),
      'account.listInbox': () => ({ items: [], total: 2, page: 1, pageSize: 1, unread: 2 }),
      'liaison.scorecard': () => ({
        year: 2026,
        quarter: 4,
        quota: { activitiesPerQuarter: 2, personTimesPerYear: 50 },
        progress: {
          quarterActivities: 1,
          quarterPersonTimes: 5,
          yearActivities: 3,
          yearPersonTimes: 20,
          shortfalls: [],
        },
        quarters: [],
        duty: { attended: 0, late: 0, absent: 0, leave: 0 },
        concernsAnswered: { quarter: 0, year: 0 },
        topics: { meetings: { quarter: 0, year: 0 }, research: { quarter: 0, year: 0 } },
        current: true,
      }),
      'liaison.grid': () => ({
        year: 2026,
        quarter: 4,
        quota: { activitiesPerQuarter: 2, personTimesPerYear: 50 },
        groups: [],
      }),
    });
    const page = await renderPage('member/home/index');
    const text = await waitForText(page, '定位签到');
    expect(text).toContain(workstation.name);
    expect(text).toContain('定位签到');
    expect(text).toMatch(/3\s*待办诉求/);
    expect(text).toMatch(/2\s*未读通知/);
    expect(text).toContain('1/2');
    expect(text).toContain('还差 1 次');
    expect(text).toContain('记一笔联系');
    expect(text).not.toContain('我联系的委员');
    page.unmount();
  });
});
