import { handlersFor, memberMe } from './helpers/fixtures';
import { bootApp, renderPage, waitForText } from './helpers/simulate';

const progress = (q: number, pt: number, short: string[] = []) => ({
  quarterActivities: q,
  quarterPersonTimes: pt,
  yearActivities: q + 5,
  yearPersonTimes: pt + 30,
  shortfalls: short,
});

beforeAll(() =>
  bootApp({
    ...handlersFor(memberMe),
    'liaison.scorecard': (input: { year: number; quarter: number }) => ({
      year: input.year,
      quarter: input.quarter,
      quota: { activitiesPerQuarter: 1, personTimesPerYear: 50 },
      progress: progress(0, 0, ['本季度尚无联系活动']),
      quarters: [
        { quarter: 1, activities: 3, personTimes: 21 },
        { quarter: 2, activities: 2, personTimes: 9 },
        { quarter: 3, activities: 0, personTimes: 0 },
        { quarter: 4, activities: 0, personTimes: 0 },
      ],
      duty: { attended: 2, late: 1, absent: 0, leave: 0 },
      current: true,
    }),
    'liaison.grid': () => ({
      year: 2026,
      quarter: 4,
      quota: { activitiesPerQuarter: 1, personTimesPerYear: 50 },
      groups: [
        {
          _id: 'g1',
          kind: 'committee',
          groupName: '经济委员会',
          members: [
            {
              userId: 'm1',
              name: '张海燕',
              sectorName: '经济界',
              behind: true,
              ...progress(0, 0, ['本季度尚无联系活动']),
            },
            { userId: 'm2', name: '刘志强', sectorName: '农业界', behind: false, ...progress(2, 14) },
          ],
        },
      ],
    }),
    'liaison.mine': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
  }),
);

describe('weapp liaison pages', () => {
  it('when the 成绩单 opens, then it shows what is missing, the quotas and a bar per quarter', async () => {
    const page = await renderPage('member/record/index');
    const text = await waitForText(page, '本季度还需努力');
    expect(text).toContain('本季度尚无联系活动');
    expect(text).toContain('联系活动（次）');
    expect(text).toContain('0 / 1');
    expect(text).toContain('各季度联系人次');
    expect(text).toMatch(/Q1[\s\S]*3 次/);
    expect(text).toContain('已值班');
    page.unmount();
  });

  it('when a director opens their list, then who is behind is marked and can be reminded', async () => {
    const page = await renderPage('member/liaison/grid');
    const text = await waitForText(page, '张海燕');
    expect(text).toContain('1 位委员未达进度');
    expect(text).toContain('未达进度');
    expect(text).toContain('正常');
    expect(text).toContain('一键提醒');
    expect(text).toContain('提醒 TA');
    page.unmount();
  });

  it('when the member has no records yet, then the list says how to start', async () => {
    const page = await renderPage('member/liaison/index');
    const text = await waitForText(page, '还没有联系记录');
    expect(text).toContain('记一条联系记录');
    page.unmount();
  });
});
