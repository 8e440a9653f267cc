/**
 * The working-day calendar end to end (issue 17): the functions' clock set to the end of 2026 and
 * to the Spring Festival week of 2027, a year chinese-days does not know. Submissions get
 * provisional deadlines, admins are warned and reminded, an admin enters 2027 (checked for
 * completeness, scoped, audited), and the provisional deadlines are counted again.
 * Run in a UTC process (TZ=UTC) so China dates are never the process's dates.
 */
import { startSystem, newRequestId, WHO, type System } from './system';

/** The 2027 arrangement as a notice might give it (made up: the real one is not out yet). */
const NOTICE_2027 = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历腊月二十九、周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;

const form = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '会师南路路灯不亮',
  text: '会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多，存在安全隐患，希望尽快修复。',
  consent: true,
} as const;

/**
 * Starts the system with the functions' clock at a China wall-clock time (time keeps running).
 * Function instances start on their first call and take the offset then, so it stays set until
 * the system stops.
 */
async function systemAt(chinaTime: string): Promise<System> {
  const env = process.env;
  env.EMULATOR_CLOCK_OFFSET_MS = String(new Date(`${chinaTime}+08:00`).getTime() - Date.now());
  const sys = await startSystem();
  return {
    ...sys,
    stop: async () => {
      await sys.stop();
      delete env.EMULATOR_CLOCK_OFFSET_MS;
    },
  };
}

const concern = async (sys: System, id: string) => (await sys.db.collection('concerns').doc(id).get()).data;
const COUNTY_ADMIN = WHO.huiningStaff;

describe('on 31 December 2026, with 2027 not entered', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await systemAt('2026-12-31T10:00:00');
    // 会宁's staff member is made an admin of the county for the scope cases.
    await sys.db
      .collection('users')
      .doc('user-staff-huining')
      .update({ data: { roles: ['admin', 'staff'] } });
  });
  afterAll(() => sys.stop());

  test('when a citizen submits, then the deadline skips 元旦 and the weekend, and staff see it as provisional', async () => {
    const { _id } = await sys.as('o_cal_dec').ok('concern.submit', form);
    const stored = await concern(sys, _id);
    // Thursday 31 Dec: 元旦 Friday, the weekend, then Monday to Wednesday 6 January.
    expect(new Date(stored.dueAt).toISOString()).toBe('2027-01-06T15:59:59.999Z');
    expect(stored.provisional).toBe(true);
    const list = await sys.as(WHO.huiningStaff).ok('concern.listForStaff', { status: 'submitted' });
    expect(list.items.find((i) => i._id === _id)).toMatchObject({ provisional: true });
    const view = await sys.as(WHO.huiningStaff).ok('concern.get', { id: _id });
    expect(view.provisional).toBe(true);
  });

  test('when staff open the calendar, then they read it with the warning that 2027 is missing, and cannot edit', async () => {
    const cal = await sys.as(WHO.cityStaff).ok('org.calendar', {});
    expect(cal.warning).toContain('2027 年的放假安排尚未录入');
    expect(cal.canEdit).toBe(false);
    expect(cal.detail).toMatchObject({ year: 2027, source: 'rules' });
    expect(cal.detail.holidays[0]).toEqual({ date: '2027-01-01', name: '元旦' });
    expect(cal.years.find((y) => y.year === 2026)).toMatchObject({ source: 'library', complete: true });
    expect((await sys.as(WHO.admin).ok('org.calendar', {})).canEdit).toBe(true);
  });

  test('when the daily timer runs twice on a day, then each admin is reminded once (inbox and push)', async () => {
    await sys.emulator.fireTimer('org', 'calendarDaily', new Date('2026-12-31T01:00:00Z'));
    await sys.emulator.fireTimer('org', 'calendarDaily', new Date('2026-12-31T01:00:00Z'));
    const { data } = await sys.db.collection('inbox').where({ openid: WHO.admin }).get();
    const reminders = data.filter((i: { _id: string }) => i._id.startsWith('calendar-20261231-'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ title: '请录入 2027 年放假安排', page: 'staff/calendar/index' });
    // Before November nothing is said.
    const october = await sys.emulator.fireTimer('org', 'calendarDaily', new Date('2026-10-30T01:00:00Z'));
    expect(october).toMatchObject({ ok: true, data: { warning: false, reminded: 0 } });
  });

  test('when an admin checks or saves an incomplete or wrong arrangement, then each problem is named and nothing is stored', async () => {
    const admin = sys.as(WHO.admin);
    const check = await admin.ok('org.checkCalendarYear', {
      year: 2027,
      text: '元旦：1月1日放假。\n春节：2月6日至12日放假。',
    });
    expect(check.missing).toContain('缺少春节：2月5日（周五） 未列为放假日');
    expect(check.missing).toHaveLength(6);
    const partial = await admin.call('org.saveCalendarYear', { year: 2027, text: '元旦：1月1日放假。' });
    expect(partial).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { holidays: expect.any(String) } },
    });
    if (!partial.ok)
      expect(partial.error.message).toContain('缺少国庆：10月1日（周五）、10月2日（周六）、10月3日（周日）');
    const weekday = await admin.call('org.saveCalendarYear', {
      year: 2027,
      text: `${NOTICE_2027}\n八、补充：1月5日（周二）上班。`,
    });
    expect(weekday).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!weekday.ok) expect(weekday.error.message).toContain('未能识别');
    const empty = await admin.call('org.saveCalendarYear', { year: 2027, text: '   ' });
    expect(empty).toMatchObject({
      ok: false,
      error: { fields: { text: '请粘贴国务院办公厅的放假通知，或逐项填写放假日期' } },
    });
    expect((await sys.db.collection('calendar_years').where({ _id: '2027' }).get()).data).toHaveLength(0);
    const staff = await sys.as(WHO.cityStaff).call('org.saveCalendarYear', { year: 2027, text: NOTICE_2027 });
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('when the city admin enters 2027, then it is stored, audited, copied to the buckets and the provisional deadline becomes final; a county admin may not overwrite it', async () => {
    const { _id } = await sys.as('o_cal_dec2').ok('concern.submit', { ...form, title: '会师南路井盖缺失' });
    const requestId = newRequestId();
    const saved = await sys.as(WHO.admin).ok('org.saveCalendarYear', { year: 2027, text: NOTICE_2027 }, requestId);
    expect(saved).toMatchObject({ year: 2027, holidays: 29, workdays: 5, unfinished: false });
    expect(saved.recomputed).toBeGreaterThanOrEqual(2);
    const again = await sys.as(WHO.admin).ok('org.saveCalendarYear', { year: 2027, text: NOTICE_2027 }, requestId);
    expect(again).toEqual(saved);

    const stored = (await sys.db.collection('calendar_years').doc('2027').get()).data;
    expect(stored).toMatchObject({
      source: 'official',
      complete: true,
      enteredBy: { name: '陈志刚', unitId: 'u-baiyin' },
    });
    const audit = await sys.db.collection('audit').where({ target: 'calendar_years/2027' }).get();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ actor: WHO.admin, action: 'org.saveCalendarYear', before: null });
    const bucket = (await sys.db.collection('concern_counters').doc('ws:ws-huishi').get()).data;
    expect(bucket.calendar['2027'].off['2027-02-12']).toBe('春节');

    const fixed = await concern(sys, _id);
    expect(fixed.provisional).toBe(false);
    expect(new Date(fixed.dueAt).toISOString()).toBe('2027-01-06T15:59:59.999Z');
    // A new submission now counts with the entered year at once.
    const next = await sys.as('o_cal_dec3').ok('concern.submit', { ...form, title: '会师南路人行道破损' });
    expect((await concern(sys, next._id)).provisional).toBeUndefined();

    const county = await sys.as(COUNTY_ADMIN).call('org.saveCalendarYear', { year: 2027, text: NOTICE_2027 });
    expect(county).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await sys.as(WHO.admin).ok('org.calendar', {})).warning).toBeNull();
  });

  test('when a county admin enters a year nobody has, then the city admin may correct it', async () => {
    // 2027's notice pasted for 2028: its make-up days fall on weekdays there.
    const county = await sys.as(COUNTY_ADMIN).call('org.saveCalendarYear', { year: 2028, text: NOTICE_2027 });
    expect(county).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!county.ok) expect(county.error.message).toContain('1月31日（周一） 本来就是工作日，不是调休上班日');
    const holidays = (await sys.as(COUNTY_ADMIN).ok('org.calendar', { year: 2028 })).detail.holidays;
    expect((await sys.as(COUNTY_ADMIN).ok('org.saveCalendarYear', { year: 2028, holidays, workdays: [] })).year).toBe(
      2028,
    );
    const stored = (await sys.db.collection('calendar_years').doc('2028').get()).data;
    expect(stored.enteredBy.unitId).toBe('u-huining');
    expect((await sys.as(WHO.admin).ok('org.saveCalendarYear', { year: 2028, holidays, workdays: [] })).year).toBe(
      2028,
    );
  });
});

describe('in the Spring Festival week of 2027, with 2027 not entered', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await systemAt('2027-02-08T10:00:00');
  });
  afterAll(() => sys.stop());

  test('when a citizen submits on Monday 8 February, then the computed festival days are skipped and the deadline is provisional until 2027 is entered', async () => {
    const { _id } = await sys.as('o_cal_feb').ok('concern.submit', form);
    const before = await concern(sys, _id);
    // Computed: 除夕 5 Feb to 初三 8 Feb, and 初一/初二 (the weekend) made up on 9 and 10 Feb.
    expect(new Date(before.dueAt).toISOString()).toBe('2027-02-15T15:59:59.999Z');
    expect(before.provisional).toBe(true);

    await sys.as(WHO.admin).ok('org.saveCalendarYear', { year: 2027, text: NOTICE_2027 });
    const after = await concern(sys, _id);
    // Entered: off to Saturday 13 February, Sunday 14 off, then 15, 16, 17.
    expect(new Date(after.dueAt).toISOString()).toBe('2027-02-17T15:59:59.999Z');
    expect(after.provisional).toBe(false);
  });

  test('when the rotation is planned across the festival, then the entered holidays are skipped and the make-up Saturday is worked', async () => {
    const res = await sys.as(WHO.huiningStaff).ok('duty.planRotation', {
      workstationId: 'ws-huishi',
      from: '2027-02-15',
      to: '2027-02-21',
      slots: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        startTime: '09:00',
        endTime: '12:00',
        memberIds: ['user-m40'],
      })),
    });
    expect(res.makeUpDays).toEqual(['2027-02-20']);
    expect(res.created).toBe(6);
  });

  test('when a fresh environment has no stored years, then the first look at the calendar stores the ones chinese-days knows', async () => {
    await sys.db.collection('calendar_years').where({ source: 'library' }).remove();
    const cal = await sys.as(WHO.cityStaff).ok('org.calendar', { year: 2026 });
    expect(cal.detail).toMatchObject({ year: 2026, source: 'library' });
    expect(cal.years.filter((y) => y.source === 'library').length).toBeGreaterThanOrEqual(23); // 2004–2026
    // 2027 as the admin entered it in the first test of this block stays.
    expect(cal.years.find((y) => y.year === 2027)).toMatchObject({ source: 'official', enteredBy: '陈志刚' });
  });
});
