/**
 * Demo 社情民意信息 in 会宁 at every stage: a draft, one awaiting the county desk, one returned
 * with comments, one adopted by the county, one adopted there and forwarded to 白银市, and one
 * adopted by the city with a 批示. The concern they came from shows 已形成社情民意信息.
 */
import type { Report, ReportDecision, ReportStatus, User } from '@lxq/types';
import { unitPath } from './people';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
type Put = (collection: string, docs: any[]) => Promise<void>;

const DAY = 86_400_000;
const HUINING = '政协会宁县委员会';
const BAIYIN = '政协白银市委员会';

const BODY = {
  situation:
    '近期，县城多个老旧小区居民通过委员工作站反映，小区物业费逐年上涨，但公共区域保洁、设施维修等服务质量明显下降，业主对物业费使用情况不知情。',
  problems:
    '一是物业服务收费标准和收支情况不公开；二是业主委员会组建难、作用发挥不充分；三是行业主管部门监管手段不足。',
  suggestions:
    '建议住建部门建立物业服务收费公示制度，督促物业企业每半年公开一次收支情况；指导街道社区推动成立业主委员会；将物业服务纳入信用评价。',
};

export async function seedReports(put: Put, db: any, now: Date, users: User[]) {
  const huining = users.filter((u) => u.unitId === 'u-huining' && u.roles.includes('member'));
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const decision = (d: Partial<ReportDecision> & Pick<ReportDecision, 'action'>, days: number): ReportDecision => ({
    at: at(days),
    unitId: 'u-huining',
    unitName: HUINING,
    level: 'county',
    byName: '杨振华',
    ...d,
  });
  const report = (
    n: number,
    status: ReportStatus,
    title: string,
    extra: Partial<Report> = {},
    concernIds: string[] = [],
  ): Report => {
    const author = huining[n % huining.length];
    const created = at(40 - n * 5);
    return {
      _id: `report-demo-${n}`,
      title,
      ...BODY,
      reporter: `${author.name}委员`,
      status,
      authorId: author._id,
      authorOpenid: author.openid!,
      authorName: author.name,
      sectorId: author.sectorId ?? null,
      unitId: 'u-huining',
      unitPath: unitPath('u-huining'),
      atUnitId: 'u-huining',
      atUnitPath: unitPath('u-huining'),
      concernIds,
      liaisonIds: [`lr-${author._id.slice(5)}-01`],
      submitterOpenids: [],
      decisions:
        status === 'draft'
          ? []
          : [decision({ action: 'submit', unitName: '', level: null, byName: author.name }, 30 - n * 4)],
      instructions: [],
      adoptedLevels: [],
      year: status === 'draft' ? null : now.getFullYear(),
      createdAt: created,
      updatedAt: at(20 - n * 3),
      submittedAt: status === 'draft' ? null : at(30 - n * 4),
      ...extra,
    };
  };
  const withDecisions = (r: Report, ds: ReportDecision[]) => ({ ...r, decisions: [...r.decisions, ...ds] });
  const reports: Report[] = [
    report(0, 'draft', '关于改善县城老旧小区物业服务的建议'),
    report(1, 'submitted', '关于增加乡村客运班线班次的建议'),
    withDecisions(report(2, 'returned', '关于补充乡镇学校音乐美术教师的建议'), [
      decision({ action: 'return', note: '请补充全县缺编教师的具体数字，建议部分再具体一些。' }, 8),
    ]),
    withDecisions(
      report(3, 'adopted', '关于规范老旧小区物业收费公示的建议', { adoptedLevels: ['county'] }, ['concern-demo-07']),
      [decision({ action: 'adopt', publication: '《会宁政协信息》', issue: '第 5 期' }, 6)],
    ),
    withDecisions(
      report(4, 'submitted', '关于稳定枸杞收购价格的建议', {
        adoptedLevels: ['county'],
        atUnitId: 'u-baiyin',
        atUnitPath: unitPath('u-baiyin'),
      }),
      [
        decision({ action: 'adopt', publication: '《会宁政协信息》', issue: '第 6 期' }, 5),
        decision({ action: 'forward', note: '建议市级采用' }, 5),
      ],
    ),
    {
      ...withDecisions(
        report(5, 'adopted', '关于延长社区图书室开放时间的建议', { adoptedLevels: ['county', 'city'] }),
        [
          decision({ action: 'forward' }, 4),
          decision(
            {
              action: 'adopt',
              unitId: 'u-baiyin',
              unitName: BAIYIN,
              level: 'city',
              byName: '王晓梅',
              publication: '《社情民意》',
              issue: '第 3 期',
            },
            3,
          ),
        ],
      ),
      atUnitId: 'u-baiyin',
      atUnitPath: unitPath('u-baiyin'),
      instructions: [
        {
          at: at(2),
          level: 'city',
          unitName: BAIYIN,
          position: '市委副书记',
          leaderName: null,
          date: at(2).toISOString().slice(0, 10),
          text: '请市文旅局研究落实，推动社区图书室错时开放。',
        },
      ],
    },
  ];
  await put('reports', reports);
  // The adopted one came from concern-demo-07: its submitter sees 已形成社情民意信息 · 已采用.
  await db
    .collection('concerns')
    .doc('concern-demo-07')
    .update({
      data: {
        reportLinks: { 'report-demo-3': { stage: 'adopted', title: reports[3].title, instructed: false, at: at(6) } },
      },
    });
}
