/**
 * Quota arithmetic at quarter and year boundaries, in Beijing time whatever zone the process runs
 * in (the cloud runtime is UTC): 23:30 on 31 March Beijing time is 15:30 UTC and belongs to Q1.
 */
process.env.TZ = 'UTC';
import { chineseNumber, termsOf } from '@lxq/types';
import {
  chinaInstant,
  chosenPeriod,
  periodOf,
  progressOf,
  quarterOfMonth,
  quarterSpan,
  shortfalls,
  yearSpan,
  yearTargetBy,
} from '../../cloudfunctions/liaison/domain/period';
import { excelSerial } from '../../cloudfunctions/shared/xlsx';
import { serialToChina } from '../liaisonXlsx';

const QUOTA = { activitiesPerQuarter: 1, personTimesPerYear: 50 };

describe.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('with the process in %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = 'UTC';
  });

  test('when a record is at 23:30 on 31 March Beijing time, then it counts for Q1', () => {
    const at = chinaInstant('2026-03-31', '23:30');
    expect(at.toISOString()).toBe('2026-03-31T15:30:00.000Z');
    expect(periodOf(at)).toEqual({ year: 2026, quarter: 1 });
    const q1 = quarterSpan({ year: 2026, quarter: 1 });
    expect(at >= q1.start && at < q1.end).toBe(true);
  });

  test('when a record is at 00:10 on 1 April Beijing time (still 31 March in UTC), then it counts for Q2', () => {
    const at = chinaInstant('2026-04-01', '00:10');
    expect(at.getUTCDate()).toBe(31);
    expect(periodOf(at)).toEqual({ year: 2026, quarter: 2 });
    expect(at >= quarterSpan({ year: 2026, quarter: 2 }).start).toBe(true);
  });

  test('when a record is at 00:30 on 1 January Beijing time, then it belongs to the new year, and 23:59 on 31 December to the old', () => {
    expect(periodOf(chinaInstant('2027-01-01', '00:30'))).toEqual({ year: 2027, quarter: 1 });
    expect(periodOf(chinaInstant('2026-12-31', '23:59'))).toEqual({ year: 2026, quarter: 4 });
    const y = yearSpan(2026);
    expect(y.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(y.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  test('when the quarters of a year are laid end to end, then they cover it exactly', () => {
    const spans = [1, 2, 3, 4].map((quarter) => quarterSpan({ year: 2026, quarter }));
    expect(spans[0].start).toEqual(yearSpan(2026).start);
    expect(spans[3].end).toEqual(yearSpan(2026).end);
    for (let i = 1; i < 4; i++) expect(spans[i].start).toEqual(spans[i - 1].end);
    expect(spans.map((s) => s.start.toISOString().slice(5, 13))).toEqual([
      '12-31T16',
      '03-31T16',
      '06-30T16',
      '09-30T16',
    ]);
  });
});

test('when the aggregate answers China months, then they fall in the right quarters', () => {
  expect([1, 3, 4, 6, 7, 9, 10, 12].map(quarterOfMonth)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
});

test('when no period is chosen, then it is the current China quarter, even at 20:00 UTC on 31 December', () => {
  expect(chosenPeriod({}, new Date('2026-12-31T20:00:00Z'))).toEqual({ year: 2027, quarter: 1 });
  expect(chosenPeriod({ year: 2025 }, new Date('2026-05-01T00:00:00Z'))).toEqual({ year: 2025, quarter: 4 });
});

test('when person-times are judged mid-year, then the target is pro rata to the quarters passed', () => {
  expect([1, 2, 3, 4].map((q) => yearTargetBy(QUOTA, q))).toEqual([13, 25, 38, 50]);
  const onTrack = { quarterActivities: 1, quarterPersonTimes: 5, yearActivities: 3, yearPersonTimes: 25 };
  expect(shortfalls(onTrack, QUOTA, 2)).toEqual([]);
  expect(shortfalls({ ...onTrack, yearPersonTimes: 24 }, QUOTA, 2)).toEqual(['全年人次 24/50，按进度应达 25']);
});

test('when a quarter has no activity, then that is the first shortfall; and zero quotas ask nothing', () => {
  const p = progressOf(
    { quarterActivities: 0, quarterPersonTimes: 0, yearActivities: 0, yearPersonTimes: 0 },
    QUOTA,
    1,
  );
  expect(p.shortfalls).toEqual(['本季度尚无联系活动', '全年人次 0/50，按进度应达 13']);
  const two = { activitiesPerQuarter: 2, personTimesPerYear: 0 };
  expect(
    shortfalls({ quarterActivities: 1, quarterPersonTimes: 1, yearActivities: 1, yearPersonTimes: 0 }, two, 4),
  ).toEqual(['本季度活动 1/2 次']);
  expect(
    shortfalls(
      { quarterActivities: 0, quarterPersonTimes: 0, yearActivities: 0, yearPersonTimes: 0 },
      { activitiesPerQuarter: 0, personTimesPerYear: 0 },
      4,
    ),
  ).toEqual([]);
});

test('when a date goes into the workbook, then Excel shows its Beijing wall-clock time', () => {
  const at = chinaInstant('2026-03-31', '23:30');
  expect(serialToChina(excelSerial(at))).toBe('2026-03-31 23:30');
});

describe('terms (届) named by proposal sessions', () => {
  test('when sessions name two terms, then each runs from its first year to the next one, the last to now', () => {
    expect([chineseNumber('一'), chineseNumber('五'), chineseNumber('十'), chineseNumber('十三')]).toEqual([
      1, 5, 10, 13,
    ]);
    expect([chineseNumber('二十一'), chineseNumber(''), chineseNumber('x')]).toEqual([21, null, null]);
    const terms = termsOf(
      [
        { name: '十三届一次会议', opensOn: '2026-01-10' },
        { name: '十二届五次会议', opensOn: '2025-01-12' },
        { name: '十二届三次会议', opensOn: '2023-01-12' },
        { name: '专题协商会', opensOn: '2024-06-01' },
      ],
      2026,
    );
    expect(terms).toEqual([
      { name: '十二届', fromYear: 2021, toYear: 2025, current: false, label: '十二届（2021—2025年）' },
      { name: '十三届', fromYear: 2026, toYear: 2026, current: true, label: '十三届（2026年至今）' },
    ]);
    // A term whose five years have passed, with no later session, ends after its fifth year.
    expect(termsOf([{ name: '十一届一次会议', opensOn: '2016-01-01' }], 2026)[0]).toMatchObject({
      toYear: 2020,
      current: false,
      label: '十一届（2016—2020年）',
    });
  });
});
