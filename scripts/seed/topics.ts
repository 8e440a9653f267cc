/**
 * Demo consultation topics of 会宁 at different steps (seed 002's 八步议事法, seed 001's three
 * lists): one just collected, one screened awaiting confirmation, one being followed up with an
 * item overdue, one closed with every result; and the county's may / may-not lists.
 */
import {
  DEFAULT_MAY_CONSULT,
  DEFAULT_MAY_NOT_CONSULT,
  type Topic,
  type TopicItem,
  type TopicStep,
  type User,
} from '@lxq/types';

export const DEMO_TOPIC_ID = 'topic-demo-1';

const day = 86_400_000;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function makeTopics(users: User[], now: Date) {
  const staff = users.find((u) => u._id === 'user-staff-huining')!;
  const member = users.find((u) => u.roles.includes('member') && u.unitId === 'u-huining')!;
  const who = { by: staff._id, byName: staff.name };
  const base = (id: string, step: TopicStep, daysAgo: number): Topic => ({
    _id: id,
    unitId: 'u-huining',
    unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
    source: 'party',
    title: '',
    background: '',
    sectorIds: [],
    workstationIds: ['ws-huishi'],
    form: 'micro',
    responsible: [{ userId: staff._id, name: staff.name, openid: staff.openid }],
    step,
    records: [],
    screening: null,
    confirmation: null,
    items: [],
    concerns: [],
    liaisonRecordIds: [],
    nextDueAt: null,
    publishedAt: null,
    closedAt: null,
    createdBy: staff._id,
    createdAt: new Date(now.getTime() - daysAgo * day),
    updatedAt: new Date(now.getTime() - daysAgo * day),
  });
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);
  const move = (
    step: TopicStep,
    text: string,
    daysAgo: number,
    kind: 'advance' | 'confirm' | 'record' = 'advance',
  ) => ({
    step,
    kind,
    text,
    ...who,
    at: at(daysAgo),
    attachments: [],
  });
  const screening = {
    may: [DEFAULT_MAY_CONSULT[3], DEFAULT_MAY_CONSULT[4]],
    mayNot: [],
    at: at(40),
    byName: staff.name,
  };
  const confirmation = { body: '会师镇党委+政协委员+群众代表', date: chinaDay(at(38)), byName: staff.name, at: at(38) };
  const early = [
    move('collect', '党政点题：县委提出老旧小区加装电梯议题', 45, 'record'),
    move('collect', '议题收集完成，进入议题确定', 42),
    move('confirm', `经${confirmation.body}确定为协商议题`, 38, 'confirm'),
    move('plan', '制定协商方案：明确参加人员、时间和议程', 30),
    move('research', '走访 3 个小区、召开 2 次居民座谈会', 20),
    move('meeting', '在会师镇委员工作站召开小微协商会，形成 3 条建议', 14),
    move('publicity', '协商建议清单在工作站公示 5 天', 8),
    move('decision', '镇党委会议研究决定，落实责任单位', 6),
  ];
  const item = (no: number, suggestion: string, extra: Partial<TopicItem>): TopicItem => ({
    no,
    suggestion,
    department: '会宁县住房和城乡建设局',
    owner: '县住建局副局长',
    outcome: '按期完成并向居民公示',
    decidedBy: '会师镇党委会议',
    progress: [],
    result: null,
    resultAt: null,
    ...extra,
  });
  const following: Topic = {
    ...base(DEMO_TOPIC_ID, 'implement', 45),
    title: '西关社区老旧小区加装电梯',
    background: '西关社区 6 栋老旧住宅楼无电梯，老年住户上下楼困难，居民多次反映希望加装电梯并明确费用分摊办法。',
    form: 'micro',
    records: early,
    screening,
    confirmation,
    items: [
      item(1, '摸清 6 栋楼住户意愿，形成加装电梯意向清单', {
        deadline: chinaDay(at(10)),
        result: '已完成入户调查，4 栋楼同意加装',
        resultAt: at(11),
      }),
      item(2, '出台加装电梯费用分摊和补贴办法', { deadline: chinaDay(at(2)), overdue: true }),
      item(3, '年内完成首批 2 部电梯安装', {
        deadline: chinaDay(new Date(now.getTime() + 60 * day)),
        progress: [{ text: '已完成设计招标', at: at(3), byName: staff.name }],
      }),
    ],
    publishedAt: at(8),
    nextDueAt: new Date(at(2).getTime()),
  };
  const closed: Topic = {
    ...base('topic-demo-2', 'implement', 120),
    source: 'committees',
    form: 'courtyard',
    title: '郭城驿镇集市周边交通秩序整治',
    background: '逢集日集市周边道路拥堵，摊位占道经营，村民和过往车辆通行不便。',
    workstationIds: ['ws-guochengyi'],
    records: [...early, move('implement', '跟踪落实完成：2 条建议均已反馈结果，议题办结', 30)],
    screening,
    confirmation,
    items: [
      item(1, '划定集市临时摊位区和停车区', {
        department: '郭城驿镇人民政府',
        deadline: chinaDay(at(60)),
        result: '已划定摊位区 1 处、停车区 2 处',
        resultAt: at(70),
      }),
      item(2, '逢集日安排交警和志愿者疏导交通', {
        department: '会宁县公安局交警大队',
        deadline: chinaDay(at(40)),
        result: '逢集日固定安排 2 名交警、6 名志愿者',
        resultAt: at(35),
      }),
    ],
    publishedAt: at(100),
    closedAt: at(30),
  };
  const screened: Topic = {
    ...base('topic-demo-3', 'confirm', 10),
    source: 'committees',
    form: 'counterpart',
    title: '农村留守老人助餐服务',
    background: '多个村的留守老人吃饭难，村里有闲置房屋可改建为老年食堂，需要协商资金和运营方式。',
    workstationIds: ['ws-huishi'],
    records: [
      move('collect', '两委找题：村两委提出留守老人助餐议题', 10, 'record'),
      move('collect', '议题收集完成，进入议题确定', 9),
    ],
    screening: { may: [DEFAULT_MAY_CONSULT[7]], mayNot: [], at: at(8), byName: staff.name },
  };
  const proposed: Topic = {
    ...base('topic-demo-4', 'collect', 3),
    source: 'member',
    form: 'sector',
    title: '中小学课后延时服务质量提升',
    background: '家长反映课后延时服务内容单一，希望增加兴趣类课程，并规范收费。',
    workstationIds: [],
    responsible: [{ userId: member._id, name: member.name, openid: member.openid }],
    records: [
      {
        ...move('collect', `委员荐题：${member.name}根据联系记录推荐`, 3, 'record'),
        by: member._id,
        byName: member.name,
      },
    ],
    createdBy: member._id,
  };
  // 公开征题: an open call of 会宁 with one proposal already backed by two people.
  const call = {
    _id: 'call-demo-1',
    unitId: 'u-huining',
    unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
    title: '2027 年度民生实事协商议题征集',
    intro: '围绕群众身边的急难愁盼事，征集明年协商议事的议题，欢迎提出并支持您关心的议题。',
    closesAt: new Date(now.getTime() + 30 * day),
    proposals: 1,
    createdBy: staff._id,
    createdAt: at(5),
  };
  const proposal = {
    _id: 'proposal-demo-1',
    callId: call._id,
    unitPath: call.unitPath,
    openid: 'o_citizen_demo',
    title: '城区公共厕所太少',
    text: '城区公共厕所数量少、分布不均，赶集和出行很不方便，建议增设并加强管理。',
    backers: 2,
    needsReview: false,
    closesAt: call.closesAt,
    createdAt: at(4),
  };
  const backings = ['o_seed_backer_1', 'o_seed_backer_2'].map((openid) => ({
    _id: `${proposal._id}:${openid}`,
    proposalId: proposal._id,
    callId: call._id,
    openid,
    at: at(3),
  }));
  return {
    calls: [call],
    proposals: [proposal],
    backings,
    topics: [following, closed, screened, proposed],
    settings: [
      {
        _id: 'u-huining',
        may: [...DEFAULT_MAY_CONSULT],
        mayNot: [...DEFAULT_MAY_NOT_CONSULT],
        updatedAt: now,
        updatedBy: staff._id,
      },
    ],
  };
}
