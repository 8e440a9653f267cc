/**
 * The working-day calendar page (staff/calendar/index), rendered from the weapp build against the
 * real org function (an in-process emulator, seeded): an admin picks next year, pastes an
 * incomplete notice and is told each missing holiday, then a complete one, checks and saves it;
 * staff who are not admins read the calendar only.
 */
import { statutoryDays } from '../../cloudfunctions/shared/calendar';
import { typeInField } from './helpers/forms';
import { routeToEmulator } from './helpers/emulated';
import { bootApp, renderPage, tapText, waitForText } from './helpers/simulate';
import { startSystem, WHO, type System } from '../integration/system';

let sys: System;
let cloud: ReturnType<typeof routeToEmulator>;
/** Next year in China: never in the seeded calendar (chinese-days stops at 2026). */
const NEXT = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1;
/** A notice for NEXT holding exactly its statutory days, one line per holiday. */
const notice = () => {
  const byName = new Map<string, string[]>();
  for (const d of statutoryDays(NEXT)) byName.set(d.name, [...(byName.get(d.name) ?? []), d.date]);
  return [...byName].map(([name, dates]) => `${name}：${dates.join('、')}放假。`).join('\n');
};

beforeAll(async () => {
  sys = await startSystem();
  const account = await sys.as(WHO.admin).ok('account.me', {});
  bootApp({ 'account.me': () => account });
  cloud = routeToEmulator(sys, WHO.admin, { me: account });
  await new Promise((r) => setTimeout(r, 100));
}, 60_000);
afterAll(() => sys.stop());

describe('weapp 工作日历 (staff/calendar/index)', () => {
  it('when an admin pastes an incomplete notice, then each missing holiday is named; a complete one is saved', async () => {
    const page = await renderPage('staff/calendar/index');
    await waitForText(page, '工作日历', 5000);
    await tapText(page, `${NEXT} 年`);
    let text = await waitForText(page, `${NEXT} 年放假安排`, 5000);
    expect(text).toContain('未录入：按法定节假日推算（暂定）');
    expect(text).toContain('元旦');

    await typeInField(page, '国务院办公厅放假通知', `元旦：${NEXT}-01-01放假。`);
    await tapText(page, '检查');
    text = await waitForText(page, '缺少春节', 5000);
    expect(text).toContain('缺少国庆');
    expect(text).not.toContain('缺少元旦');

    await typeInField(page, '国务院办公厅放假通知', notice());
    await tapText(page, '检查');
    text = await waitForText(page, '法定节假日齐全，可以保存。', 5000);
    await tapText(page, '保存');
    text = await waitForText(page, '来源：管理员录入', 5000);
    const stored = (await sys.db.collection('calendar_years').doc(String(NEXT)).get()).data;
    expect(stored).toMatchObject({ source: 'official', complete: true, enteredBy: { unitId: 'u-baiyin' } });
    expect(stored.holidays).toHaveLength(13);
    page.unmount();
  });

  it('when staff who are not admins open it, then they read the years and cannot enter one', async () => {
    cloud.as(WHO.cityStaff);
    const page = await renderPage('staff/calendar/index');
    const text = await waitForText(page, '仅管理员可以录入放假安排。', 5000);
    expect(text).toContain(`${NEXT} 年`);
    expect(text).not.toContain('国务院办公厅放假通知');
    page.unmount();
    cloud.as(WHO.admin);
  });
});
