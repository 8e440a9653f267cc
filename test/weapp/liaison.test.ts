import { handlersFor, memberMe } from './helpers/fixtures';
import { bootApp, cloudCalls, renderPage, settle, tapText, waitForText } from './helpers/simulate';

/** A member who is also on the staff (as some county members are): both subpackages open. */
const memberAndStaff = {
  ...memberMe,
  roles: ['citizen', 'member', 'staff'],
  scopes: [{ _id: 'unit_city', name: '兰州市政协' }],
};
let gridGroups = () => [
  {
    _id: 'grid-c1-m9',
    kind: 'committee',
    groupId: 'c1',
    groupName: '经济委员会',
    unitId: 'unit_city',
    leaderId: 'm9',
    leaderName: '赵主任',
    members: [
      { userId: 'm1', name: '张海燕', sectorName: '经济界' },
      { userId: 'm2', name: '刘志强', sectorName: '农业界' },
    ],
  },
];

const progress = (q: number, pt: number, short: string[] = []) => ({
  quarterActivities: q,
  quarterPersonTimes: pt,
  yearActivities: q + 5,
  yearPersonTimes: pt + 30,
  shortfalls: short,
});

const first = () => gridGroups()[0];

beforeAll(() =>
  bootApp({
    ...handlersFor(memberAndStaff),
    'liaison.scorecard': (input: { year: number; quarter: number }) => ({
      year: input.year,
      quarter: input.quarter,
      quota: { activitiesPerQuarter: 1, personTimesPerYear: 50 },
      progress: progress(0, 0, ['本季度尚无联系活动']),
      quarters: [
        { quarter: 1, activities: 3, personTimes: 21, concernsAnswered: 2 },
        { quarter: 2, activities: 2, personTimes: 9, concernsAnswered: 1 },
        { quarter: 3, activities: 0, personTimes: 0, concernsAnswered: 4 },
        { quarter: 4, activities: 0, personTimes: 0, concernsAnswered: 0 },
      ],
      duty: { attended: 2, late: 1, absent: 0, leave: 0 },
      concernsAnswered: { quarter: 4, year: 7 },
      topics: { meetings: { quarter: 1, year: 2 }, research: { quarter: 1, year: 1 } },
      current: true,
    }),
    'topic.mine': () => ({
      meetings: [
        {
          topicId: 't1',
          title: '老旧小区停车难',
          at: new Date(Date.now() + 10 * 60_000).toISOString(),
          place: '会师镇委员工作站',
          closesAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
          outcome: 'pending',
          signedInAt: '',
          open: true,
        },
      ],
      tasks: [
        {
          _id: 'r1',
          topicId: 't1',
          title: '老旧小区停车难',
          task: '走访居民了解停车需求',
          dueOn: '2026-12-31',
          status: 'open',
          note: '',
          liaisonRecordId: '',
          doneAt: '',
        },
      ],
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
    'liaison.remind': (input: { memberIds: string[] }) => ({ reminded: input.memberIds.length || 1, pushed: 0 }),
    'liaison.gridGroups': () => ({ items: gridGroups(), total: gridGroups().length, page: 1, pageSize: 20 }),
    'liaison.gridOptions': () => ({
      groups: [
        { kind: 'committee', _id: 'c1', name: '经济委员会', unitId: 'unit_city', unitName: '兰州市政协' },
        { kind: 'sector', _id: 's1', name: '农业界', unitId: 'unit_city', unitName: '兰州市政协' },
      ],
    }),
    'org.unitMembers': () => ({
      items: [
        { _id: 'm9', name: '赵主任', sectorName: '经济界' },
        { _id: 'm1', name: '张海燕', sectorName: '经济界' },
        { _id: 'm3', name: '孙丽', sectorName: '教育界' },
      ],
      total: 3,
      page: 1,
      pageSize: 50,
    }),
    'liaison.gridAdd': (input: { memberIds: string[] }) => ({ _id: 'grid-c1-m9', added: input.memberIds.length }),
    'liaison.gridRemove': (input: { memberId: string }) => {
      const g = first();
      gridGroups = () => [{ ...g, members: g.members.filter((m) => m.userId !== input.memberId) }];
      return { removed: true };
    },
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
    expect(text).toContain('答复群众诉求');
    expect(text).toMatch(/参与协商议事[\s\S]*1\s*本季度协商会[\s\S]*1\s*本季度议前调研[\s\S]*3\s*\d{4} 年累计/);
    expect(text).toMatch(/4\s*第4季度/);
    expect(text).toMatch(/7\s*2026 年累计|7\s*\d{4} 年累计/);
    page.unmount();
  });

  it('when the member opens 协商议事, then their meeting offers sign-in and their research task is open', async () => {
    const page = await renderPage('member/topic/index');
    const text = await waitForText(page, '走访居民了解停车需求');
    expect(text).toContain('老旧小区停车难');
    expect(text).toContain('未签到');
    expect(text).toContain('扫码签到');
    expect(text).toContain('2026-12-31 前');
    page.unmount();
  });

  it('when a director opens their list, then who is behind is marked and can be reminded', async () => {
    const page = await renderPage('member/liaison/grid');
    const text = await waitForText(page, '张海燕');
    expect(text).toContain('1 位委员未达进度');
    expect(text).toContain('未达进度');
    expect(text).toContain('正常');
    expect(text).toContain('一键提醒');
    expect(text).not.toContain('提醒 TA');
    await tapText(page, '发送提醒');
    await waitForText(page, '张海燕');
    await settle();
    const call = cloudCalls()
      .filter((c) => c.action === 'remind')
      .pop();
    expect(call?.input).toMatchObject({ memberIds: ['m1'] });
    await tapText(page, '一键提醒');
    await settle();
    expect(
      cloudCalls()
        .filter((c) => c.action === 'remind')
        .pop()?.input,
    ).toMatchObject({ memberIds: [] });
    page.unmount();
  });

  it('when staff open the grid, then each group shows its leader and members, and a member can be removed', async () => {
    const page = await renderPage('staff/liaison/grid');
    const text = await waitForText(page, '经济委员会');
    expect(text).toContain('专委会主任联系 · 赵主任联系 2 位');
    expect(text).toContain('张海燕');
    expect(text).toContain('刘志强');
    expect(text).toContain('添加联系');
    await tapText(page, '移除'); // the last row's
    const after = await waitForText(page, '联系 1 位');
    expect(
      cloudCalls()
        .filter((c) => c.action === 'gridRemove')
        .pop()?.input,
    ).toMatchObject({
      id: 'grid-c1-m9',
      memberId: 'm2',
    });
    expect(after).not.toContain('刘志强');
    page.unmount();
  });

  it('when staff add members to a director’s group, then the form offers the unit’s members and sends the choice', async () => {
    const page = await renderPage('staff/liaison/grid');
    await waitForText(page, '经济委员会');
    await tapText(page, '添加委员');
    const text = await waitForText(page, '联系的委员');
    expect(text).toContain('主任、副主任');
    expect(text).toContain('孙丽');
    const offered = text.slice(text.lastIndexOf('联系的委员'), text.indexOf('保存'));
    expect(offered).toContain('孙丽');
    expect(offered).not.toContain('赵主任'); // the leader is not offered as a member
    await tapText(page, '孙丽');
    await settle();
    await tapText(page, '保存');
    await settle();
    expect(
      cloudCalls()
        .filter((c) => c.action === 'gridAdd')
        .pop()?.input,
    ).toMatchObject({
      kind: 'committee',
      groupId: 'c1',
      leaderId: 'm9',
      memberIds: ['m3'],
    });
    page.unmount();
  });

  it('when the member has no records yet, then the list says how to start', async () => {
    const page = await renderPage('member/liaison/index');
    const text = await waitForText(page, '还没有联系记录');
    expect(text).toContain('记一条联系记录');
    page.unmount();
  });
});
