/** Duty's plain logic: distance, the rotating code, rotation days, China-time windows. */
import { distanceMetres, distanceText } from '../../cloudfunctions/shared/geo';
import { codeFor, codeIsValid, qrText, slotOf } from '../../cloudfunctions/duty/domain/stationCode';
import { rosterDays } from '../../cloudfunctions/duty/domain/roster';
import { chinaWeek, shiftWindow } from '../../cloudfunctions/duty/domain/times';

test('when two points are 1 km apart north-south, then the distance is ≈ 1000 m and reads as 公里', () => {
  const a = { lat: 36.5466, lng: 104.1742 };
  const d = distanceMetres(a, { lat: a.lat + 1000 / 111_195, lng: a.lng });
  expect(Math.abs(d - 1000)).toBeLessThan(2);
  expect(distanceText(1299)).toBe('1.3 公里');
  expect(distanceText(850.4)).toBe('850 米');
});

test('when a code is from this or the previous 30-second slot, then it is accepted; two slots old, wrong station or malformed, refused', () => {
  process.env.DUTY_CODE_SECRET = 'unit-test-duty-code-secret';
  const at = new Date('2026-11-24T02:00:10Z');
  const slot = slotOf(at);
  expect(codeIsValid('ws-a', codeFor('ws-a', slot), at)).toBe(true);
  expect(codeIsValid('ws-a', qrText('ws-a', codeFor('ws-a', slot - 1)), at)).toBe(true);
  expect(codeIsValid('ws-a', codeFor('ws-a', slot - 2), at)).toBe(false);
  expect(codeIsValid('ws-a', qrText('ws-b', codeFor('ws-a', slot)), at)).toBe(false);
  expect(codeIsValid('ws-a', '12ab56', at)).toBe(false);
  expect(codeFor('ws-a', slot)).toMatch(/^\d{6}$/);
});

test("when a rotation spans National Day 2026, then festival days are skipped and the make-up Saturday takes Monday's slots", () => {
  const slots = [
    { weekday: 1, startTime: '09:00', endTime: '12:00', memberIds: ['a'] },
    { weekday: 4, startTime: '14:00', endTime: '17:00', memberIds: ['b'] },
  ];
  const { days, skippedHolidays, makeUpDays } = rosterDays('2026-09-28', '2026-10-11', slots);
  expect(skippedHolidays).toEqual(['2026-10-01', '2026-10-05']);
  expect(makeUpDays).toEqual(['2026-10-10']);
  expect(days.map((d) => `${d.date} ${d.startTime}`)).toEqual([
    '2026-09-28 09:00',
    '2026-10-08 14:00',
    '2026-10-10 09:00',
  ]);
});

test('when a shift is at 00:30 China time, then it starts at 16:30 UTC the day before, whatever the process zone', () => {
  const { start, end } = shiftWindow('2026-06-02', '00:30', '02:00');
  expect(start.toISOString()).toBe('2026-06-01T16:30:00.000Z');
  expect(end.toISOString()).toBe('2026-06-01T18:00:00.000Z');
  const { from, to } = chinaWeek(new Date('2026-11-22T17:00:00Z')); // Monday 01:00 in China
  expect(from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
  expect(to.toISOString()).toBe('2026-11-29T16:00:00.000Z');
});

describe('the demo week of duty', () => {
  const { makeShifts } = require('../../scripts/seed/duty') as typeof import('../../scripts/seed/duty');
  const { makeUsers } = require('../../scripts/seed/people') as typeof import('../../scripts/seed/people');
  const { STATIONS } = require('../../scripts/seed/places') as typeof import('../../scripts/seed/places');
  const users = makeUsers();
  const stations = STATIONS.map((s) => ({
    ...s,
    unitPath: [s.unitId],
    radius: 200,
    memberIds: users.filter((u) => u.workstationIds?.includes(s._id)).map((u) => u._id),
    sectorIds: [],
    scene: s._id,
  }));
  // 03:13 on a Tuesday night, China time: the hour at which the old demo put shifts "around now".
  const night = new Date('2026-12-01T03:13:00+08:00');
  const clock = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

  test('when the demo is seeded at night, then every shift is inside opening hours and none runs now', () => {
    const shifts = makeShifts(night, stations, users, []);
    expect(shifts.length).toBeGreaterThan(20);
    const hours = new Set(shifts.map((s) => `${clock(s.start)}-${clock(s.end)}`));
    expect([...hours].sort()).toEqual(['09:00-12:00', '14:30-17:30']);
    expect(shifts.filter((s) => s.start <= night && s.end > night)).toHaveLength(0);
    // Today, a working day, three stations are on duty.
    const today = shifts.filter((s) => s._id.includes('2026-12-01'));
    expect(new Set(today.map((s) => s.workstationId))).toEqual(new Set(['ws-gongyuan', 'ws-huishi', 'ws-wujiachuan']));
  });

  test('when tests ask for a shift running now, then the stations on duty today have one, whatever the hour', () => {
    const shifts = makeShifts(night, stations, users, [], true);
    const running = shifts.filter((s) => s.start <= night && s.end > night);
    expect(running.map((s) => s._id).sort()).toEqual([
      'shift-gongyuan-2026-12-01-0',
      'shift-huishi-2026-12-01-0',
      'shift-wujiachuan-2026-12-01-0',
    ]);
  });
});
