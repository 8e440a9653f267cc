/**
 * Duty through the real entry point (issue 5): rosters, sign-in and -out by place and by the
 * station's rotating code, windows in China time, leave and swaps, receptions, the board, the
 * absence timer. Run in a UTC process (TZ=UTC) so China dates are never the process's dates.
 */
import { Calendar } from '../../cloudfunctions/shared/calendar';
import { shiftDate } from '../../cloudfunctions/shared/calendar/dates';
import { createHash, createHmac } from 'node:crypto';
import { arrangeShift as arrange } from './shifts';
import { startSystem, WHO, newRequestId, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const M = (n: number) => `o_member_${String(n).padStart(2, '0')}`;
const GONGYUAN = { lat: 36.5412, lng: 104.1821 };
const near = (p: { lat: number; lng: number }, metres: number) => ({ lat: p.lat + metres / 111_320, lng: p.lng });
const shifts = () => sys.db.collection('shifts');
const one = async (coll: string, id: string) => (await sys.db.collection(coll).doc(id).get()).data;
const seededNow = async (stationId: string) => {
  const { data } = await shifts().where({ workstationId: stationId }).limit(100).get();
  return data.find((s: { start: Date; end: Date }) => new Date(s.start) < new Date() && new Date(s.end) > new Date());
};

/** The tablet's code for a slot, computed as the server does with the secret the emulator gives its functions (worker.js). */
function codeAt(stationId: string, slot: number) {
  const mac = createHmac('sha256', 'emulator-lxq-local-duty-code-secret').update(`${stationId}|${slot}`).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
const slotNow = () => Math.floor(Date.now() / 30_000);
/** The audit entry's _id of a request, as the router makes it. */
const requestKey = (action: string, openid: string, requestId: string) =>
  createHash('sha1').update(`${action}|${openid}|${requestId}`).digest('hex');

const GONGYUAN_STATION = {
  id: 'ws-gongyuan',
  name: '白银区公园路街道委员工作站',
  unitId: 'u-baiyin',
  unitPath: ['u-gansu', 'u-baiyin'],
  location: GONGYUAN,
};
/** A shift arranged directly in the store, for windows and concurrency. */
const arrangeShift = (id: string, members: { userId: string; openid: string }[], start: Date, end: Date) =>
  arrange(sys, GONGYUAN_STATION, { id, start, end, date: '2026-01-01' }, members);

describe('rosters', () => {
  test('when staff add a shift at a station in scope, then it is stored with China-time bounds around midnight', async () => {
    const res = await sys.as(WHO.huiningStaff).ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-03-02',
      startTime: '00:00',
      endTime: '01:30',
      memberIds: ['user-m31'],
    });
    const s = await one('shifts', res._id);
    expect(s.date).toBe('2027-03-02');
    expect(new Date(s.start).toISOString()).toBe('2027-03-01T16:00:00.000Z');
    expect(new Date(s.end).toISOString()).toBe('2027-03-01T17:30:00.000Z');
    expect(s.members[0]).toMatchObject({ userId: 'user-m31', openid: 'o_member_31', outcome: 'pending' });
  });

  test('when the end is before the start or a field is bad, then VALIDATION names the field and nothing is stored', async () => {
    const before = (await shifts().count()).total;
    const res = await sys.as(WHO.huiningStaff).call('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-03-03',
      startTime: '12:00',
      endTime: '09:00',
      memberIds: ['user-m31'],
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { endTime: '结束时间应晚于开始时间' } },
    });
    const bad = await sys.as(WHO.huiningStaff).call('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '3/3',
      startTime: '9点',
      endTime: '12:00',
      memberIds: [],
    } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(Object.keys(bad.error.fields ?? {})).toEqual(expect.arrayContaining(['date', 'startTime', 'memberIds']));
    expect((await shifts().count()).total).toBe(before);
  });

  test('when a member is booked twice at once, then CONFLICT names them and the time', async () => {
    await sys.as(WHO.huiningStaff).ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-03-04',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m34'],
    });
    const res = await sys.as(WHO.huiningStaff).call('duty.createShift', {
      workstationId: 'ws-guochengyi',
      date: '2027-03-04',
      startTime: '10:00',
      endTime: '11:00',
      memberIds: ['user-m34'],
    });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('CONFLICT');
      expect(res.error.message).toMatch(/排班冲突：.+在 3月4日 09:00-12:00 已在会师镇委员工作站值班/);
    }
    const overlap = await sys.as(WHO.huiningStaff).call('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-03-04',
      startTime: '11:00',
      endTime: '13:00',
      memberIds: ['user-m37'],
    });
    expect(!overlap.ok && overlap.error.message).toMatch(/与本站已有班次 3月4日 09:00-12:00 时间重叠/);
  });

  test('when staff plan a weekly rotation over National Day, then holidays are skipped and the make-up Saturday is kept', async () => {
    const res = await sys.as(WHO.huiningStaff).ok('duty.planRotation', {
      workstationId: 'ws-huishi',
      from: '2026-09-28',
      to: '2026-10-11',
      slots: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        startTime: '09:00',
        endTime: '12:00',
        memberIds: ['user-m40'],
      })),
    });
    const calendar = new Calendar();
    const range = Array.from({ length: 14 }, (_, i) => shiftDate('2026-09-28', i));
    const workdays = range.filter((d) => calendar.isWorkday(d));
    expect(res.created).toBe(workdays.length);
    expect(res.skippedHolidays).toContain('2026-10-01');
    expect(res.makeUpDays).toContain('2026-10-10');
    const { data } = await shifts().where({ workstationId: 'ws-huishi', memberIds: 'user-m40' }).limit(100).get();
    const inRange = data
      .map((s: { date: string }) => s.date)
      .filter((d: string) => d >= '2026-09-28' && d <= '2026-10-11');
    expect(inRange.sort()).toEqual(workdays.sort());
  });

  test('when staff of another county roster this station, then FORBIDDEN', async () => {
    const res = await sys.as(WHO.jingyuanStaff).call('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-03-05',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m31'],
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('when a shift is edited and then cancelled, then its members are told each time', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const { _id } = await staff.ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-03-08',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m31', 'user-m34'],
    });
    const edited = await staff.ok('duty.updateShift', {
      shiftId: _id,
      startTime: '14:00',
      endTime: '17:00',
      memberIds: ['user-m31', 'user-m37'],
    });
    expect(edited.notified).toBe(3); // who stays, who joins, who leaves
    const s = await one('shifts', _id);
    expect(s.memberIds).toEqual(['user-m31', 'user-m37']);
    const { data: told } = await sys.db.collection('inbox').where({ openid: 'o_member_34' }).limit(50).get();
    expect(told.some((i: { title: string }) => i.title.includes('班次已调整'))).toBe(true);
    const cancelled = await staff.ok('duty.cancelShift', { shiftId: _id, reason: '场地临时检修' });
    expect(cancelled.notified).toBe(2);
    expect(await one('shifts', _id)).toMatchObject({ status: 'cancelled', cancelReason: '场地临时检修' });
    const again = await staff.call('duty.cancelShift', { shiftId: _id, reason: '再次取消' });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});

describe('sign-in', () => {
  test('when a member is far away, then the refusal says how far and nothing changes', async () => {
    const shift = await seededNow('ws-gongyuan');
    const me = shift.members[0];
    const res = await sys.as(me.openid).call('duty.signIn', { shiftId: shift._id, location: near(GONGYUAN, 1300) });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '距工作站 1.3 公里，需在 200 米内' },
    });
    expect((await one('shifts', shift._id)).members[0].signedInAt).toBeNull();
  });

  test('when bad coordinates are sent, then VALIDATION', async () => {
    const shift = await seededNow('ws-gongyuan');
    const res = await sys
      .as(shift.members[0].openid)
      .call('duty.signIn', { shiftId: shift._id, location: { lat: 123, lng: 0 } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'location.lat': '位置无效' } } });
    const none = await sys.as(shift.members[0].openid).call('duty.signIn', { shiftId: shift._id });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { location: '请定位或扫描工作站签到码' } },
    });
  });

  test('when a member within the radius signs in, then late is derived and a second sign-in returns the first', async () => {
    const shift = await seededNow('ws-gongyuan');
    const me = shift.members[0];
    const first = await sys.as(me.openid).ok('duty.signIn', { shiftId: shift._id, location: near(GONGYUAN, 80) });
    expect(first).toMatchObject({ outcome: 'late', method: 'location', already: false });
    expect(first.distance).toBeGreaterThan(70);
    const again = await sys.as(me.openid).ok('duty.signIn', { shiftId: shift._id, location: near(GONGYUAN, 10) });
    expect(again).toMatchObject({ already: true, signedInAt: first.signedInAt, distance: first.distance });
    const stored = await one('shifts', shift._id);
    expect(stored.signedInCount).toBe(1);
    expect(stored.members[0]).toMatchObject({ outcome: 'late', method: 'location' });
  });

  test('when someone not on the roster signs in, then FORBIDDEN', async () => {
    const shift = await seededNow('ws-gongyuan');
    const res = await sys.as(WHO.citizen).call('duty.signIn', { shiftId: shift._id, location: GONGYUAN });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('when the station code is current or one slot old it is accepted; older or wrong codes are refused', async () => {
    const start = new Date(Date.now() - 60_000);
    const end = new Date(Date.now() + 3_600_000);
    const s = await arrangeShift(
      'shift-code',
      [
        { userId: 'u-c1', openid: 'o_code_1' },
        { userId: 'u-c2', openid: 'o_code_2' },
        { userId: 'u-c3', openid: 'o_code_3' },
      ],
      start,
      end,
    );
    const expired = await sys
      .as('o_code_1')
      .call('duty.signIn', { shiftId: s._id, code: codeAt('ws-gongyuan', slotNow() - 3) });
    expect(expired).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: expect.stringContaining('已过期') } },
    });
    const wrongStation = await sys
      .as('o_code_1')
      .call('duty.signIn', { shiftId: s._id, code: `lxq-duty:ws-renmin:${codeAt('ws-renmin', slotNow())}` });
    expect(wrongStation.ok).toBe(false);
    const malformed = await sys.as('o_code_1').call('duty.signIn', { shiftId: s._id, code: 'abc' });
    expect(malformed).toMatchObject({ ok: false, error: { fields: { code: '签到码应为 6 位数字' } } });
    const current = await sys
      .as('o_code_1')
      .ok('duty.signIn', { shiftId: s._id, code: `lxq-duty:ws-gongyuan:${codeAt('ws-gongyuan', slotNow())}` });
    expect(current).toMatchObject({ method: 'code', outcome: 'late' });
    const previous = await sys
      .as('o_code_2')
      .ok('duty.signIn', { shiftId: s._id, code: codeAt('ws-gongyuan', slotNow() - 1) });
    expect(previous.method).toBe('code');
    // The code the staff tablet shows is one the server accepts.
    const tablet = await sys.as(WHO.cityStaff).ok('duty.stationCode', { workstationId: 'ws-gongyuan' });
    expect(tablet.qr).toMatch(/^data:image\/png;base64,/);
    const viaTablet = await sys.as('o_code_3').ok('duty.signIn', { shiftId: s._id, code: tablet.text });
    expect(viaTablet.method).toBe('code');
    expect((await one('shifts', s._id)).signedInCount).toBe(3);
  });

  test('when sign-in is not yet open or already closed, then the refusal says when', async () => {
    const later = new Date(Date.now() + 2 * 3_600_000);
    const s = await arrangeShift(
      'shift-later',
      [{ userId: 'u-w1', openid: 'o_window_1' }],
      later,
      new Date(later.getTime() + 3_600_000),
    );
    const early = await sys.as('o_window_1').call('duty.signIn', { shiftId: s._id, location: GONGYUAN });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringMatching(/^签到尚未开始，\d+月\d+日 \d\d:\d\d 起可签到$/) },
    });
    const past = await arrangeShift(
      'shift-past',
      [{ userId: 'u-w2', openid: 'o_window_2' }],
      new Date(Date.now() - 3 * 3_600_000),
      new Date(Date.now() - 3_600_000),
    );
    const closed = await sys.as('o_window_2').call('duty.signIn', { shiftId: past._id, location: GONGYUAN });
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('已于') },
    });
    expect((await one('shifts', s._id)).signedInCount).toBe(0);
  });

  test('when 100 members sign in at once to different shifts and one sign-in is retried 20 times, then every record and counter is exact', async () => {
    const start = new Date(Date.now() + 10 * 60_000);
    const end = new Date(Date.now() + 70 * 60_000);
    for (let i = 0; i < 100; i++) {
      await arrangeShift(`shift-bulk-${i}`, [{ userId: `u-b${i}`, openid: `o_bulk_${i}` }], start, end);
    }
    const retried = newRequestId();
    const calls = [
      ...Array.from({ length: 100 }, (_, i) => ({
        who: `o_bulk_${i}`,
        input: { shiftId: `shift-bulk-${i}`, location: near(GONGYUAN, i) },
        id: newRequestId(),
      })),
      ...Array.from({ length: 20 }, () => ({
        who: 'o_bulk_0',
        input: { shiftId: 'shift-bulk-0', location: near(GONGYUAN, 5) },
        id: retried,
      })),
    ];
    // A running service has warm instances: start the emulator's ten for duty first (ten calls at
    // once), so the burst measures sign-ins, not ten bundles loading at once on a busy machine.
    for (let round = 0; round < 5; round++) {
      const warm = await Promise.all(
        Array.from({ length: 10 }, () => sys.as('o_warm').call('duty.stationDuty', { workstationId: 'ws-gongyuan' })),
      );
      if (warm.every((w) => w.ok)) break;
    }
    const send = (c: (typeof calls)[number]) => sys.as(c.who).call('duty.signIn', c.input, c.id);
    const answers = await Promise.all(calls.map(send));
    // On a loaded machine some calls still time out (INTERNAL: the emulator kills the instance,
    // maybe after its write). The client then sends the same request again (useMutation keeps the
    // requestId): do that here, one at a time so a replaced instance starts alone, a few times each.
    // Only timeouts are retried; any other refusal stays and fails the test.
    const timedOut = (a: (typeof answers)[number]) => !a.ok && a.error.code === 'INTERNAL';
    for (let k = 0; k < answers.length; k++) {
      for (let tries = 0; tries < 5 && timedOut(answers[k]); tries++) {
        await new Promise((r) => setTimeout(r, 200 * tries));
        answers[k] = await send(calls[k]);
      }
    }
    expect(answers.flatMap((a) => (a.ok ? [] : [a.error]))).toEqual([]);
    const { data } = await shifts().where({ workstationId: 'ws-gongyuan', date: '2026-01-01' }).limit(200).get();
    const bulk = data.filter((s: { _id: string }) => s._id.startsWith('shift-bulk-'));
    expect(bulk).toHaveLength(100);
    expect(
      bulk.every(
        (s: { signedInCount: number; members: { outcome: string }[] }) =>
          s.signedInCount === 1 && s.members[0].outcome === 'on_time',
      ),
    ).toBe(true);
    const firstOf0 = answers.filter((a, i) => i === 0 || i >= 100).map((a) => (a.ok ? a.data.signedInAt : ''));
    expect(new Set(firstOf0).size).toBe(1);
    // Each request is recorded once in the audit log, whatever its retries and twins did.
    const keys = [...new Set(calls.map((c) => requestKey('duty.signIn', c.who, c.id)))];
    expect(keys).toHaveLength(101);
    const audited = await sys.db
      .collection('audit')
      .where({ _id: sys.db.command.in(keys) })
      .limit(200)
      .get();
    expect(audited.data.map((a: { _id: string }) => a._id).sort()).toEqual([...keys].sort());
  }, 300_000);

  test('when a member signs out before the end, then early leave is derived', async () => {
    const shift = await seededNow('ws-gongyuan');
    const me = shift.members[0];
    const out = await sys.as(me.openid).ok('duty.signOut', { shiftId: shift._id, location: near(GONGYUAN, 30) });
    expect(out).toMatchObject({ earlyLeave: true, already: false });
    expect((await one('shifts', shift._id)).members[0].earlyLeave).toBe(true);
  });
});

describe('the absence timer', () => {
  test('when a shift ended without a sign-in, then the timer marks it absent and leaves signed-in members alone', async () => {
    const s = await arrangeShift(
      'shift-ended',
      [
        { userId: 'u-t1', openid: 'o_timer_1' },
        { userId: 'u-t2', openid: 'o_timer_2' },
      ],
      new Date(Date.now() - 4 * 3_600_000),
      new Date(Date.now() - 3_600_000),
    );
    await shifts()
      .doc(s._id)
      .update({ data: { 'members.1.signedInAt': new Date(), 'members.1.outcome': 'on_time', signedInCount: 1 } });
    await sys.emulator.fireTimer('duty', 'markAbsences');
    const stored = await one('shifts', s._id);
    expect(stored.settled).toBe(true);
    expect(stored.members.map((m: { outcome: string }) => m.outcome)).toEqual(['absent', 'on_time']);
    await sys.emulator.fireTimer('duty', 'markAbsences'); // a second run changes nothing
    expect((await one('shifts', s._id)).members[1].outcome).toBe('on_time');
  });
});

describe('leave and swaps', () => {
  test('when a member asks for leave and staff approve, then the roster shows leave and the member is told', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const { _id } = await staff.ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-04-06',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m31', 'user-m34'],
    });
    const noReason = await sys.as(M(31)).call('duty.requestLeave', { shiftId: _id, kind: 'leave', reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { fields: { reason: '请填写原因' } } });
    const req = await sys.as(M(31)).ok('duty.requestLeave', { shiftId: _id, kind: 'leave', reason: '参加市里会议' });
    expect(req.status).toBe('pending');
    const twice = await sys
      .as(M(31))
      .call('duty.requestLeave', { shiftId: _id, kind: 'leave', reason: '参加市里会议' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const list = await staff.ok('duty.listLeaves', {});
    expect(list.items.map((l) => l._id)).toContain(req._id);
    const outOfScope = await sys.as(WHO.jingyuanStaff).call('duty.decideLeave', { id: req._id, approve: true });
    expect(outOfScope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await staff.ok('duty.decideLeave', { id: req._id, approve: true, note: '同意' });
    expect((await one('shifts', _id)).members[0].outcome).toBe('leave');
    expect(await one('leaves', req._id)).toMatchObject({ status: 'approved', decidedBy: 'user-staff-huining' });
    const { data: told } = await sys.db
      .collection('inbox')
      .where({ openid: M(31) })
      .limit(50)
      .get();
    expect(told.some((i: { title: string }) => i.title.includes('已批准'))).toBe(true);
  });

  test('when a member proposes a swap, the partner accepts and staff approve, then the partner is on the roster', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const { _id } = await staff.ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-04-07',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m37'],
    });
    const noPartner = await sys.as(M(37)).call('duty.requestLeave', { shiftId: _id, kind: 'swap', reason: '家中有事' });
    expect(noPartner).toMatchObject({ ok: false, error: { fields: { partnerId: '请选择接班的委员' } } });
    const req = await sys
      .as(M(37))
      .ok('duty.requestLeave', { shiftId: _id, kind: 'swap', partnerId: 'user-m40', reason: '家中有事' });
    expect(req.status).toBe('awaiting_partner');
    const notMine = await sys.as(M(43)).call('duty.answerSwap', { id: req._id, accept: true });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const asked = await sys.as(M(40)).ok('duty.myRequests', {});
    expect(asked.items.find((l) => l._id === req._id)?.askedOfMe).toBe(true);
    await sys.as(M(40)).ok('duty.answerSwap', { id: req._id, accept: true });
    await staff.ok('duty.decideLeave', { id: req._id, approve: true });
    const s = await one('shifts', _id);
    expect(s.memberIds).toEqual(['user-m40']);
    expect(s.members[0]).toMatchObject({ openid: M(40), outcome: 'pending' });
    const mine = await sys.as(M(40)).ok('duty.myShifts', { when: 'upcoming', pageSize: 50 });
    expect(mine.items.some((x) => x._id === _id)).toBe(true);
  });
  test('when a request is retried it is stored once; once refused, the member may ask again', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const { _id } = await staff.ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-04-08',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m31'],
    });
    const ask = { shiftId: _id, kind: 'leave', reason: '参加市里会议' } as const;
    const rid = newRequestId();
    const [a, b] = await Promise.all([
      sys.as(M(31)).ok('duty.requestLeave', ask, rid),
      sys.as(M(31)).ok('duty.requestLeave', ask, rid),
    ]);
    expect(b).toEqual(a);
    expect(await sys.as(M(31)).ok('duty.requestLeave', ask, rid)).toEqual(a);
    const onShift = async () => (await sys.db.collection('leaves').where({ shiftId: _id }).limit(10).get()).data;
    expect(await onShift()).toHaveLength(1);
    const notOnShift = await sys.as(M(34)).call('duty.requestLeave', ask);
    expect(notOnShift).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await staff.ok('duty.decideLeave', { id: a._id, approve: false, note: '人手不足' });
    const again = await sys.as(M(31)).ok('duty.requestLeave', { ...ask, reason: '确需参会，请再考虑' });
    expect(again).toMatchObject({ status: 'pending' });
    expect(again._id).not.toBe(a._id);
    expect((await onShift()).map((l: { status: string }) => l.status).sort()).toEqual(['pending', 'refused']);
  });

  test('when a swap names a partner on the shift, oneself or nobody, then the field says why', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const { _id } = await staff.ok('duty.createShift', {
      workstationId: 'ws-huishi',
      date: '2027-04-09',
      startTime: '09:00',
      endTime: '12:00',
      memberIds: ['user-m31', 'user-m34'],
    });
    const swap = (partnerId: string) =>
      sys.as(M(31)).call('duty.requestLeave', { shiftId: _id, kind: 'swap', partnerId, reason: '家中有事' });
    expect(await swap('user-m31')).toMatchObject({ error: { fields: { partnerId: '不能和自己调班' } } });
    expect(await swap('user-m34')).toMatchObject({ error: { fields: { partnerId: '对方已在这个班次中' } } });
    expect(await swap('user-nobody')).toMatchObject({ error: { fields: { partnerId: '所选委员不存在' } } });
    expect(await swap('user-staff-huining')).toMatchObject({ error: { fields: { partnerId: '所选委员不存在' } } });
    const req = await sys.as(M(31)).ok('duty.requestLeave', {
      shiftId: _id,
      kind: 'swap',
      partnerId: 'user-m40',
      reason: '家中有事',
    });
    const rid = newRequestId();
    const first = await sys.as(M(40)).ok('duty.answerSwap', { id: req._id, accept: false }, rid);
    expect(await sys.as(M(40)).ok('duty.answerSwap', { id: req._id, accept: false }, rid)).toEqual(first);
    const asked = await sys.db
      .collection('inbox')
      .where({ openid: M(31) })
      .limit(100)
      .get();
    expect(asked.data.filter((i: { _id: string }) => i._id === `${req._id}:answer`)).toHaveLength(1);
    const late = await sys.as(M(40)).call('duty.answerSwap', { id: req._id, accept: true });
    expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});

describe('receptions, the public page and the board', () => {
  test('when a signed-in member records a reception with a concern, then both are stored and counted', async () => {
    const shift = await seededNow('ws-gongyuan');
    const me = shift.members[0];
    const noConsent = await sys.as(me.openid).call('duty.recordReception', {
      shiftId: shift._id,
      people: 2,
      topic: '反映小区停车难',
      visitorName: '张大爷',
    });
    expect(noConsent).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { consent: '记录姓名或电话须征得来访人同意' } },
    });
    const rid = newRequestId();
    const record = () =>
      sys.as(me.openid).ok(
        'duty.recordReception',
        {
          shiftId: shift._id,
          people: 2,
          topic: '反映小区停车难',
          visitorName: '张大爷',
          visitorPhone: '13800001234',
          consent: true,
          concerns: [
            {
              category: '交通出行',
              title: '小区周边停车位不足',
              text: '公园路社区周边停车位严重不足，晚上车辆占道停放，消防通道被堵。',
            },
          ],
        },
        rid,
      );
    const submitted = async () => (await one('concern_counters', 'ws:ws-gongyuan'))?.counts?.submitted ?? 0;
    const countedBefore = await submitted();
    // A retry (same requestId, even at the same moment) stores one reception and one concern.
    const [res, twin] = await Promise.all([record(), record()]);
    expect(twin).toEqual(res);
    expect(await record()).toEqual(res);
    expect(res.concernIds).toHaveLength(1);
    const [concernId] = res.concernIds;
    const concern = await one('concerns', concernId);
    expect(concern).toMatchObject({
      source: 'member',
      status: 'submitted',
      workstationId: 'ws-gongyuan',
      recorder: { userId: me.userId },
    });
    const { data: stored } = await sys.db.collection('receptions').where({ shiftId: shift._id }).limit(10).get();
    expect(stored).toEqual([expect.objectContaining({ memberId: me.userId, concernId, people: 2 })]);
    expect(await submitted()).toBe(countedBefore + 1);
    const list = await sys.as(me.openid).ok('duty.listReceptions', { shiftId: shift._id });
    expect(list.items[0]).toMatchObject({ visitorPhone: '138****1234', concernId });
  });

  test("when anyone opens the station page, then today's and this week's members on duty are shown", async () => {
    const duty = await sys.as('o_somebody').ok('duty.stationDuty', { workstationId: 'ws-gongyuan' });
    expect(duty.today.length).toBeGreaterThan(0);
    expect(duty.week.length).toBeGreaterThanOrEqual(duty.today.length);
    expect(duty.today[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), sectorName: expect.any(String) }),
    );
    expect(JSON.stringify(duty)).not.toMatch(/o_member|openid/);
  });

  test('when staff open the board, then the counts and per-station rows reflect today in their scope only', async () => {
    const board = await sys.as(WHO.cityStaff).ok('duty.board', {});
    expect(board.counts.late).toBeGreaterThanOrEqual(1);
    const row = board.items.find((r) => r.workstationId === 'ws-gongyuan')!;
    expect(row.covered).toBeGreaterThanOrEqual(1);
    expect(row.concerns).toBe(1);
    const county = await sys.as(WHO.jingyuanStaff).ok('duty.board', {});
    expect(
      county.items.every(
        (r) => ['ws-wujiachuan', 'ws-dongwan'].includes(r.workstationId) || r.workstationId.startsWith('ws-'),
      ),
    ).toBe(true);
    expect(county.items.some((r) => r.workstationId === 'ws-gongyuan')).toBe(false);
  });
});
