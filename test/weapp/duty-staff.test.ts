/**
 * The staff duty pages, rendered from the weapp build against the real duty and org functions (an
 * in-process emulator, seeded) as 白银 city staff: today's board, the roster builder and the
 * workstation form. Each test taps what staff tap, then checks the page and what was stored.
 */
import { fieldText, typeInField } from './helpers/forms';
import { routeToEmulator } from './helpers/emulated';
import { bootApp, renderPage, tapText, waitForText, type RenderedPage } from './helpers/simulate';
import { startSystem, WHO, type System } from '../integration/system';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
let sys: System;
const GONGYUAN = { lat: 36.5412, lng: 104.1821 };
const stored = async (coll: string, id: string) => (await sys.db.collection(coll).doc(id).get()).data;
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  sys = await startSystem();
  const account = await sys.as(WHO.cityStaff).ok('account.me', {});
  bootApp({ 'account.me': () => account });
  routeToEmulator(sys, WHO.cityStaff, { me: account });
  // Loading the app blocks the event loop for seconds: let the sockets the emulator closed meanwhile
  // (keep-alive timeout) be seen as closed before the next database request would reuse one.
  await new Promise((r) => setTimeout(r, 100));
}, 60_000);
afterAll(() => sys.stop());

async function open(route: string, query: Record<string, string>, wait: string): Promise<RenderedPage> {
  const page = await renderPage(route, query);
  await waitForText(page, wait, 5000);
  return page;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 50 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

describe('weapp 今日值班 (staff/duty/index)', () => {
  it('when a member has signed in and received people, then the board counts them on their station’s row', async () => {
    const { data } = await sys.db.collection('shifts').where({ workstationId: 'ws-gongyuan' }).limit(100).get();
    const shift = data.find((s: Any) => new Date(s.start) < new Date() && new Date(s.end) > new Date());
    const [me, other] = shift.members;
    await sys.as(me.openid).ok('duty.signIn', { shiftId: shift._id, location: GONGYUAN });
    await sys.as(me.openid).ok('duty.recordReception', { shiftId: shift._id, people: 3, topic: '咨询医保报销政策' });

    const page = await open('staff/duty/index', {}, '白银区公园路街道委员工作站');
    const text = page.text();
    expect(text).toContain(`今日值班 ${chinaDate(0)}`);
    expect(text).toMatch(/白银区公园路街道委员工作站\s*到岗 1\/1 班 · 接待 1 · 代收诉求 0/);
    expect(text).toMatch(new RegExp(`${me.name}\\s*\\d\\d:\\d\\d–\\d\\d:\\d\\d\\s*迟到`));
    expect(text).toMatch(new RegExp(`${other.name}\\s*\\d\\d:\\d\\d–\\d\\d:\\d\\d\\s*未签到`));
    expect(text).toMatch(/1\s*迟到/);
    for (const link of ['排班', '请假审批', '工作站']) expect(text).toContain(link);
    page.unmount();
  });
});

describe('weapp 排班 (staff/duty/roster)', () => {
  it('when staff plan an evening rotation, then the shifts are stored and listed, and one can be cancelled', async () => {
    const station = await stored('workstations', 'ws-renmin');
    const { data: users } = await sys.db
      .collection('users')
      .where({ _id: sys.db.command.in(station.memberIds) })
      .limit(20)
      .get();
    const member = users[0];
    const page = await open('staff/duty/roster', {}, '白银区人民路街道委员工作站');
    expect(page.text()).not.toContain('生成轮值排班');
    await tapText(page, '白银区人民路街道委员工作站');
    await waitForText(page, `${member.name}（`, 5000);
    const label = page.text().match(new RegExp(`${member.name}（[^）]*）`))![0];
    await tapText(page, label);
    await typeInField(page, '开始日期', chinaDate(5));
    await typeInField(page, '结束日期', chinaDate(11));
    await typeInField(page, '开始时间', '19:00');
    await typeInField(page, '结束时间', '21:00');
    await tapText(page, '生成轮值排班');
    const text = await waitForText(page, '已排', 5000);
    const created = Number(/已排 (\d+) 个班次/.exec(text)?.[1]);
    expect(created).toBeGreaterThan(0);
    const evening = async () =>
      (
        await sys.db
          .collection('shifts')
          .where({ workstationId: 'ws-renmin', start: sys.db.command.gte(new Date(Date.now() + 4 * 86_400_000)) })
          .limit(100)
          .get()
      ).data.filter((s: Any) => s.memberIds.join() === member._id && new Date(s.start).getUTCHours() === 11);
    const shifts = await evening();
    expect(shifts).toHaveLength(created);
    expect(await waitForText(page, '19:00–21:00', 5000)).toContain(`19:00–21:00${member.name}`.replace(/\s/g, ''));

    await tapText(page, '取消'); // the last row's
    await waitForText(page, '已取消', 5000);
    const after = await until(evening, (list) => list.some((s: Any) => s.status === 'cancelled'));
    expect(after.filter((s: Any) => s.status === 'cancelled')).toHaveLength(1);
    page.unmount();
  });
});

describe('weapp 工作站设置 (staff/workstations/edit)', () => {
  it('when staff change a station, then a bad radius is refused under its field and a good one is stored with the members', async () => {
    const before = await stored('workstations', 'ws-renmin');
    const page = await open('staff/workstations/edit', { id: 'ws-renmin' }, '白银区人民路街道委员工作站');
    expect(fieldText(page, '签到半径')).toContain('默认 200 米');
    await typeInField(page, '签到半径', '5');
    await tapText(page, '保存');
    await waitForText(page, '签到半径至少 50 米', 5000);
    expect(fieldText(page, '签到半径')).toContain('签到半径至少 50 米');
    expect((await stored('workstations', 'ws-renmin')).radius).toBe(before.radius);

    await typeInField(page, '名称', '白银区人民路街道政协委员工作站');
    await typeInField(page, '签到半径', '300');
    await tapText(page, '保存');
    const after = await until(
      () => stored('workstations', 'ws-renmin'),
      (w) => w.radius === 300,
    );
    expect(after).toMatchObject({ name: '白银区人民路街道政协委员工作站', radius: 300, memberIds: before.memberIds });
    page.unmount();
  });
});
