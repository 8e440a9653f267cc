/**
 * The staff dashboard (staff/dashboard/index) rendered from the weapp build against the real org
 * function (an in-process emulator, seeded): the charts are plain views, so the weapp draws the
 * same months, categories and station spots as the browser, and a period chip filters them.
 */
import { routeToEmulator } from './helpers/emulated';
import { bootApp, renderPage, tapText, waitForText } from './helpers/simulate';
import { startSystem, WHO, type System } from '../integration/system';

let sys: System;

beforeAll(async () => {
  sys = await startSystem();
  const account = await sys.as(WHO.cityStaff).ok('account.me', {});
  bootApp({ 'account.me': () => account });
  routeToEmulator(sys, WHO.cityStaff, { me: account });
  await new Promise((r) => setTimeout(r, 100));
}, 60_000);
afterAll(() => sys.stop());

describe('weapp 数据看板 (staff/dashboard/index)', () => {
  it('when staff open it on a phone, then the figures and charts of the city show, and 本季度 narrows them', async () => {
    const view = await sys.as(WHO.cityStaff).ok('org.dashboard', {});
    const page = await renderPage('staff/dashboard/index');
    const text = await waitForText(page, '每月收集与答复', 8000);
    expect(text).toContain('政协白银市委员会');
    expect(text).toContain('收集诉求');
    expect(text).toContain(`${view.concerns.collected}条`.replace(/\s/g, ''));
    expect(text).toContain('各工作站诉求分布');
    const dom = page.comp.dom as unknown as { querySelectorAll(s: string): ArrayLike<unknown> };
    expect(dom.querySelectorAll('[class*="month-bars__col"]').length).toBe(12);
    expect(dom.querySelectorAll('[class*="row-bars__row"]').length).toBe(9);
    expect(dom.querySelectorAll('[class*="station-map__spot"]').length).toBe(view.stations.length);
    await tapText(page, '本季度');
    await waitForText(page, '本季度', 2000);
    const start = Date.now();
    while (dom.querySelectorAll('[class*="month-bars__col"]').length === 12 && Date.now() - start < 5000) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(dom.querySelectorAll('[class*="month-bars__col"]').length).toBeLessThanOrEqual(3);
    page.unmount();
  });
});
