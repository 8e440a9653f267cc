/**
 * The working-day calendar (shared/calendar): an entered year, a year chinese-days knows, and a
 * missing year computed from the statutory rules; reading a pasted State Council notice.
 */
import { Calendar, statutoryDays, yearDays } from '../../cloudfunctions/shared/calendar';
import { missingHolidays, parseArrangement } from '../../cloudfunctions/shared/calendar/arrangement';
import { acceptDeadline } from '../../cloudfunctions/shared/concerns/deadlines';

/** The 2027 arrangement as a notice might give it (a made-up one: the real notice is not out). */
const NOTICE_2027 = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历腊月二十九、周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;

const entered2027 = () => {
  const a = parseArrangement(2027, NOTICE_2027);
  return new Calendar({ '2027': yearDays(a) });
};

test('when a year was entered, then its holidays, make-up days and deadlines come from it and are final', () => {
  const cal = entered2027();
  expect(cal.year(2027).source).toBe('official');
  expect(cal.dayDetail('2027-02-11')).toMatchObject({ work: false, holiday: true, name: '春节', provisional: false });
  expect(cal.dayDetail('2027-02-20')).toMatchObject({ work: true, makeUp: true, name: '春节' });
  expect(cal.isWorkday('2027-01-31')).toBe(true);
  // Three working days from Thursday 4 February: the festival runs to the 13th and the 14th is a
  // Sunday, so the 15th, 16th and 17th.
  expect(cal.addWorkdays(3, '2027-02-04')).toEqual({ date: '2027-02-17', provisional: false });
});

test('when a year is in chinese-days, then it is used without an entry (2026 National Day and its make-up Saturday)', () => {
  const cal = new Calendar();
  expect(cal.year(2026).source).toBe('library');
  expect(cal.dayDetail('2026-10-05')).toMatchObject({ work: false, name: '国庆', provisional: false });
  expect(cal.dayDetail('2026-10-10')).toMatchObject({ work: true, makeUp: true });
  expect(cal.addWorkdays(3, '2026-09-30')).toEqual({ date: '2026-10-10', provisional: false });
});

test('when 2027 is missing, then 元旦 and the Spring Festival week are still days off, and marked provisional', () => {
  const cal = new Calendar();
  expect(cal.year(2027).source).toBe('rules');
  expect(cal.dayDetail('2027-01-01')).toMatchObject({ work: false, holiday: true, name: '元旦', provisional: true });
  // 除夕 is Friday 5 February; 初一 and 初二 fall on the weekend and are made up on Tuesday and Wednesday.
  const week = ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'];
  for (const d of week) expect(cal.isWorkday(d)).toBe(false);
  expect(cal.isWorkday('2027-02-11')).toBe(true);
  expect(cal.dayDetail('2027-02-10').name).toBe('春节');
  // No make-up working days can be guessed: every weekend stays off.
  expect(cal.isWorkday('2027-02-20')).toBe(false);
  // A concern submitted on 31 December 2026 (Beijing) counts over 元旦: provisional.
  const due = acceptDeadline(new Date('2026-12-31T02:00:00Z'), { acceptWorkingDays: 3, replyDays: 15 }, cal);
  expect(due.provisional).toBe(true);
  expect(due.at.toISOString()).toBe('2027-01-06T15:59:59.999Z');
});

test('when a far year is missing (2031), then its lunar holidays come from the lunar calendar, and clashes are made up', () => {
  const cal = new Calendar();
  // 2031: 除夕 22 January; 中秋 falls on 1 October, so 国庆's day is made up after the weekend.
  expect(
    statutoryDays(2031)
      .filter((d) => d.name === '春节')
      .map((d) => d.date),
  ).toEqual(['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25']);
  expect(cal.isWorkday('2031-01-27')).toBe(false);
  expect(cal.isWorkday('2031-01-28')).toBe(true);
  expect(cal.dayDetail('2031-10-01').name).toBe('中秋');
  expect(cal.isWorkday('2031-10-06')).toBe(false);
  expect(cal.isWorkday('2031-10-07')).toBe(true);
  expect(cal.dayDetail('2031-04-05')).toMatchObject({ work: false, name: '清明', provisional: true });
});

test('when a notice is pasted, then its ranges and make-up days are read; a partial one names each missing holiday', () => {
  const a = parseArrangement(2027, NOTICE_2027);
  expect(a.unread).toEqual([]);
  expect(a.holidays).toHaveLength(3 + 9 + 3 + 5 + 1 + 1 + 7);
  expect(a.workdays.map((d) => d.date)).toEqual(['2027-01-31', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);
  expect(missingHolidays(2027, a)).toEqual([]);
  const partial = parseArrangement(2027, '元旦：1月1日放假，共1天。\n春节：2月6日至12日放假。');
  expect(missingHolidays(2027, partial)).toEqual([
    '缺少春节：2月5日（周五） 未列为放假日',
    '缺少清明：4月5日（周一） 未列为放假日',
    '缺少劳动节：5月1日（周六）、5月2日（周日） 未列为放假日',
    '缺少端午：6月9日（周三） 未列为放假日',
    '缺少中秋：9月15日（周三） 未列为放假日',
    '缺少国庆：10月1日（周五）、10月2日（周六）、10月3日（周日） 未列为放假日',
  ]);
});
