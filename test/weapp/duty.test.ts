/**
 * The member's duty pages, rendered from the weapp build against the real duty function (an
 * in-process emulator, seeded): 我的值班 with sign-in by location, the reception form that raises
 * a concern, and the leave/swap form. Each test taps what a member taps, then checks the page and
 * what was stored.
 */
import { fieldText, placePhone, tapClass, typeInField } from './helpers/forms';
import { routeToEmulator } from './helpers/emulated';
import { bootApp, renderPage, tapText, waitForText, type RenderedPage } from './helpers/simulate';
import { startSystem, WHO, type System } from '../integration/system';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
let sys: System;
let cloud: ReturnType<typeof routeToEmulator>;
/** 公园路's shift running now (seeded) and its two members. */
let shift: Any;
let me: Any;
let colleague: Any;

const STATION = '白银区公园路街道委员工作站';
const GONGYUAN = { lat: 36.5412, lng: 104.1821 };
const metresNorth = (m: number) => GONGYUAN.lat + m / 111_320;
const stored = async (coll: string, id: string) => (await sys.db.collection(coll).doc(id).get()).data;
const slot = async (openid: string) =>
  (await stored('shifts', shift._id)).members.find((m: Any) => m.openid === openid);

beforeAll(async () => {
  sys = await startSystem();
  const { data } = await sys.db.collection('shifts').where({ workstationId: 'ws-gongyuan' }).limit(100).get();
  shift = data.find((s: Any) => new Date(s.start) < new Date() && new Date(s.end) > new Date());
  [me, colleague] = shift.members;
  // Who the app thinks it is: the member's own account.me, asked once at launch.
  const account = await sys.as(me.openid).ok('account.me', {});
  bootApp({ 'account.me': () => account });
  cloud = routeToEmulator(sys, me.openid, { me: account });
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

describe('weapp 我的值班 (member/duty/index)', () => {
  it('when the member is 1.3 km away, then the refusal says how far and nothing is stored', async () => {
    cloud.as(colleague.openid);
    placePhone(metresNorth(1300), GONGYUAN.lng);
    const page = await open('member/duty/index', {}, '定位签到');
    expect(page.text()).toContain(STATION);
    await tapText(page, '定位签到');
    const text = await waitForText(page, '距工作站', 5000);
    expect(text).toContain('距工作站 1.3 公里，需在 200 米内');
    expect(text).toContain('定位签到');
    expect((await slot(colleague.openid)).signedInAt).toBeNull();
    page.unmount();
  });

  it('when the member stands in the station and signs in, then the card shows late with the distance and the shift stores it', async () => {
    cloud.as(me.openid);
    placePhone(metresNorth(40), GONGYUAN.lng);
    const page = await open('member/duty/index', {}, '定位签到');
    let text = page.text();
    expect(text).toContain(`同班：${shift.members.map((m: Any) => m.name).join('、')}`);
    expect(text).toContain('未签到');
    expect(text).not.toContain('记录接待');
    await tapText(page, '定位签到');
    text = await waitForText(page, '记录接待', 5000);
    expect(text).toMatch(/签到 \d\d:\d\d（距工作站 4\d 米）/);
    expect(text).toContain('迟到'); // the shift began an hour ago
    expect(text).toContain('定位签退');
    expect(await slot(me.openid)).toMatchObject({ outcome: 'late', method: 'location' });
    expect((await stored('shifts', shift._id)).signedInCount).toBe(1);
    page.unmount();
  });
});

describe('weapp 记录接待 (member/duty/reception)', () => {
  it('when a reception with consent raises a concern, then the refusal without consent shows first, and then both are stored', async () => {
    cloud.as(me.openid);
    const page = await open('member/duty/reception', { shiftId: shift._id }, '接待人数');
    expect(page.text()).not.toContain('诉求类别');
    await typeInField(page, '接待人数', '2');
    await typeInField(page, '接待事项', '反映小区停车难');
    await typeInField(page, '来访人姓名', '张大爷');
    await typeInField(page, '联系电话', '13800001234');
    await tapText(page, '保存接待记录');
    const refused = await waitForText(page, '须征得来访人同意', 5000);
    expect(refused).toContain('记录姓名或电话须征得来访人同意');
    const none = await sys.db.collection('receptions').where({ shiftId: shift._id }).limit(10).get();
    expect(none.data).toHaveLength(0);

    await tapText(page, '来访人同意记录其姓名、电话并代为提交诉求');
    await tapClass(page, 'nut-switch');
    await waitForText(page, '诉求类别');
    await tapText(page, '交通出行');
    await typeInField(page, '诉求标题', '小区周边停车位不足');
    await typeInField(page, '诉求内容', '公园路社区周边停车位严重不足，晚上车辆占道停放。');
    await tapText(page, '保存接待记录');
    let receptions: Any[] = [];
    for (let i = 0; i < 50 && !receptions.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      receptions = (await sys.db.collection('receptions').where({ shiftId: shift._id }).limit(10).get()).data;
    }
    expect(receptions).toEqual([
      expect.objectContaining({ memberId: me.userId, people: 2, topic: '反映小区停车难', visitorName: '张大爷' }),
    ]);
    expect(await stored('concerns', receptions[0].concernId)).toMatchObject({
      source: 'member',
      category: '交通出行',
      title: '小区周边停车位不足',
      phone: '13800001234',
      recorder: { userId: me.userId },
    });
    page.unmount();
  });
});

describe('weapp 请假 / 调班 (member/duty/leave)', () => {
  it('when a swap is asked of a colleague, then the reason is required, the partner list leaves out oneself, and 我的值班 shows it awaiting them', async () => {
    cloud.as(me.openid);
    const { _id } = await sys.as(WHO.cityStaff).ok('duty.createShift', {
      workstationId: 'ws-gongyuan',
      date: '2027-05-11',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: [me.userId],
    });
    const page = await open('member/duty/leave', { shiftId: _id, workstationId: 'ws-gongyuan' }, '申请类型');
    await tapText(page, '提交申请');
    await waitForText(page, '请填写原因', 5000);
    expect(fieldText(page, '原因')).toContain('请填写原因');

    await tapText(page, '请人接班（调班）');
    let text = await waitForText(page, colleague.name, 5000);
    expect(text).not.toContain(me.name);
    await tapText(page, colleague.name);
    await typeInField(page, '原因', '家中有事');
    await tapText(page, '提交申请');
    let asked: Any[] = [];
    for (let i = 0; i < 50 && !asked.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      asked = (await sys.db.collection('leaves').where({ shiftId: _id, requesterId: me.userId }).limit(5).get()).data;
    }
    expect(asked).toEqual([
      expect.objectContaining({
        kind: 'swap',
        partnerId: colleague.userId,
        status: 'awaiting_partner',
        reason: '家中有事',
      }),
    ]);
    page.unmount();

    const duty = await open('member/duty/index', {}, '待对方确认');
    text = duty.text();
    expect(text).toContain('调班申请：待对方确认');
    duty.unmount();
  });
});
