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
