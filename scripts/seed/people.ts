/**
 * Demo people and concerns, generated from a fixed seed so every fresh `.data/` looks the same.
 */
import type { Concern, ConcernStatus, Invitation, Role, User } from '@lxq/types';
import { CITY_SECTORS, COUNTY_SECTORS, STATIONS, UNITS } from './places';
import { acceptDue, replyDue } from '../../cloudfunctions/shared/concerns/deadlines';

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蒋蔡余杜叶魏苏';
const GIVEN = [
  '建国',
  '丽娟',
  '志强',
  '海燕',
  '文博',
  '红梅',
  '振华',
  '玉兰',
  '永福',
  '晓燕',
  '卫东',
  '秀英',
  '国庆',
  '春梅',
  '明杰',
  '淑芬',
  '立新',
  '慧敏',
  '小军',
  '雅琴',
  '宏伟',
  '桂兰',
  '学军',
  '晓丽',
  '俊杰',
  '凤英',
  '德明',
  '金花',
  '天宇',
  '海峰',
  '思远',
  '静怡',
  '子涵',
  '瑞林',
  '红霞',
  '永强',
  '嘉欣',
  '建华',
  '翠萍',
  '中华',
];
const TITLES = [
  '白银市第一人民医院主任医师',
  '白银有色集团工程师',
  '会宁县第一中学教师',
  '靖远县枸杞种植合作社理事长',
  '白银市律师协会副会长',
  '甘肃某新材料公司总经理',
  '白银市作家协会会员',
  '社区卫生服务中心主任',
  '白银市个体劳动者协会会长',
  '乡村振兴工作队队长',
];

export const unitPath = (unitId: string): string[] => {
  const path: string[] = [];
  for (let u = UNITS.find((x) => x._id === unitId); u; u = UNITS.find((x) => x._id === u!.parentId))
    path.unshift(u._id);
  return path;
};

export const sectorId = (unitId: string, name: string) =>
  `sec-${unitId.slice(2)}-${(unitId === 'u-baiyin' ? CITY_SECTORS : COUNTY_SECTORS).indexOf(name)}`;

const created = new Date('2026-01-05T02:00:00Z');

function user(
  _id: string,
  openid: string,
  name: string,
  roles: Role[],
  unitId: string,
  extra: Partial<User> = {},
): User {
  return { _id, openid, name, roles, unitId, unitPath: unitPath(unitId), createdAt: created, phone: null, ...extra };
}

export function makeUsers(): User[] {
  const r = rng(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const taken = new Set<string>();
  const name = () => {
    for (;;) {
      const n = pick([...SURNAMES]) + pick(GIVEN);
      if (!taken.has(n)) return (taken.add(n), n);
    }
  };
  const users: User[] = [
    user('user-admin', 'o_admin_baiyin', '陈志刚', ['admin', 'staff'], 'u-baiyin', { title: '市政协办公室信息科科长' }),
    user('user-staff-city', 'o_staff_baiyin', '王晓梅', ['staff'], 'u-baiyin', { title: '市政协委员工作室干部' }),
    user('user-staff-huining', 'o_staff_huining', '杨振华', ['staff'], 'u-huining', { title: '会宁县政协办公室干部' }),
    user('user-staff-jingyuan', 'o_staff_jingyuan', '孙海军', ['staff'], 'u-jingyuan', {
      title: '靖远县政协办公室干部',
    }),
  ];
  const plan: [string, number][] = [
    ['u-baiyin', 30],
    ['u-huining', 15],
    ['u-jingyuan', 15],
  ];
  let n = 0;
  for (const [unitId, count] of plan) {
    const sectors = unitId === 'u-baiyin' ? CITY_SECTORS : COUNTY_SECTORS;
    const stations = STATIONS.filter((s) => s.unitId === unitId);
    for (let i = 0; i < count; i++) {
      n++;
      const id = String(n).padStart(2, '0');
      const sector = sectors[(n * 7) % sectors.length];
      users.push(
        user(`user-m${id}`, `o_member_${id}`, name(), n === 1 ? ['member', 'staff'] : ['member'], unitId, {
          sectorId: sectorId(unitId, sector),
          workstationIds: [stations[i % stations.length]._id],
          title: pick(TITLES),
          phone: `1${pick(['38', '39', '51', '58', '77', '89'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
        }),
      );
    }
  }
  return users;
}

const CONCERN_TEXTS: [string, string, string][] = [
  [
    '交通出行',
    '人民路与北京路交叉口早高峰拥堵',
    '每天早上七点半到八点半，人民路与北京路交叉口车辆排队很长，学生过马路不安全，建议增设交警疏导或调整信号灯时长。',
  ],
  [
    '民生',
    '老旧小区加装电梯进展缓慢',
    '我们小区是九十年代的老楼，住着很多老人，加装电梯的申请提交半年了还没有消息，希望了解办理进度和补贴政策。',
  ],
  [
    '生态环境',
    '黄河沿岸夜间有渣土车倾倒垃圾',
    '靖远县黄河大桥下游河滩最近夜里有车辆倾倒建筑垃圾，影响河道和周边环境，请相关部门查处。',
  ],
  [
    '教育',
    '乡镇学校缺少音乐美术老师',
    '郭城驿镇中心小学音乐美术课长期由其他科老师代上，孩子们很喜欢这些课，希望能补充专业教师。',
  ],
  [
    '医疗卫生',
    '社区卫生服务中心慢病药品不全',
    '高血压、糖尿病的常用药在社区卫生服务中心经常缺货，老人只能跑到市医院开药，很不方便。',
  ],
  [
    '营商环境',
    '个体工商户办理证照跑多次',
    '开一家小餐馆，食品经营许可证和营业执照要分别跑几个窗口，材料重复提交，希望能一窗通办。',
  ],
  [
    '社会治理',
    '小区物业服务收费不透明',
    '物业费每年都在涨，但公共区域卫生和维修越来越差，业主想知道费用怎么使用，希望有关部门督促公开。',
  ],
  ['文化', '希望增加社区图书室开放时间', '社区图书室只在工作日白天开放，上班族和学生都用不上，建议周末和晚上也开放。'],
  [
    '民生',
    '冬季供暖温度不达标',
    '今年供暖开始后家里温度只有十五六度，打了几次热力公司电话都说会处理，但一直没有改善。',
  ],
  ['交通出行', '到会宁县城的班车太少', '我们村到县城每天只有两班车，看病办事很不方便，希望增加班次或开通公交。'],
  ['其他', '枸杞收购价格波动大', '今年枸杞收购价比去年低了很多，种植户损失不小，希望政府能引导建立稳定的收购渠道。'],
  ['民生', '菜市场周边占道经营', '公园路菜市场门口每天早上摆摊占满人行道，行人只能走机动车道，存在安全隐患。'],
];

const FLOW: ConcernStatus[] = [
  'submitted',
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'replied',
  'closed',
  'rejected',
  'submitted',
  'in_progress',
  'replied',
  'closed',
];

const STEP_ACTION: Record<string, string> = {
  submitted: 'submit',
  accepted: 'accept',
  assigned: 'assign',
  in_progress: 'start',
  replied: 'reply',
  closed: 'close',
};

export function makeConcerns(now: Date): Concern[] {
  return CONCERN_TEXTS.map(([category, title, text], i) => {
    const station = STATIONS[i % STATIONS.length];
    const status = FLOW[i];
    const createdAt = new Date(now.getTime() - (i * 2 + 1) * 86_400_000 - i * 3_600_000);
    const steps = ['submitted', 'accepted', 'assigned', 'in_progress', 'replied', 'closed'];
    const upto = status === 'rejected' ? 1 : steps.indexOf(status) + 1;
    const timeline = steps.slice(0, upto).map((s, k) => ({
      at: new Date(createdAt.getTime() + k * 20 * 3_600_000),
      by: k === 0 ? `o_citizen_${i}` : 'o_staff_baiyin',
      byName: k === 0 ? '群众' : '王晓梅',
      // The timeline records actions (accept, assign…), not the statuses they lead to.
      action: STEP_ACTION[s],
    }));
    if (status === 'rejected')
      timeline.push({
        at: new Date(createdAt.getTime() + 86_400_000),
        by: 'o_staff_baiyin',
        byName: '王晓梅',
        action: 'reject',
        note: '该事项已通过司法程序处理，不属于受理范围',
      } as never);
    // Deadlines and first replies as the actions would have set them, so the counters made from
    // these records give the headline figures the status tabs agree with.
    const acceptDueAt = acceptDue(createdAt);
    const acceptedAt = timeline.find((e) => e.action === 'accept')?.at;
    const replyDueAt = acceptedAt ? replyDue(createdAt) : null;
    const answeredAt =
      status === 'rejected' ? timeline[timeline.length - 1].at : timeline.find((e) => e.action === 'reply')?.at;
    const open = !answeredAt;
    return {
      _id: `concern-demo-${String(i + 1).padStart(2, '0')}`,
      unitId: station.unitId,
      unitPath: unitPath(station.unitId),
      workstationId: station._id,
      workstationName: station.name,
      category,
      title,
      text,
      photos: [],
      location: null,
      sectorId: null,
      phone: i % 3 === 0 ? null : `1390943${String(1000 + i * 37).slice(-4)}`,
      anonymous: i % 4 === 3,
      submitterOpenid: i < 2 ? 'o_citizen_demo' : `o_citizen_${i}`,
      source: 'qr',
      status,
      timeline,
      createdAt,
      updatedAt: timeline[timeline.length - 1].at,
      acceptDueAt,
      replyDueAt,
      dueAt: open ? (replyDueAt ?? acceptDueAt) : null,
      firstRepliedAt: answeredAt ?? null,
      reply:
        answeredAt && status !== 'rejected'
          ? { text: '已与相关部门沟通，正在按计划推进，详情见办理过程。', photos: [], at: answeredAt, byName: '王晓梅' }
          : null,
      rating: status === 'closed' ? { score: 5 - (i % 2), comment: '', at: timeline[timeline.length - 1].at } : null,
    } satisfies Concern;
  });
}

export function makeInvitations(now: Date): Invitation[] {
  return [
    {
      _id: 'inv-demo',
      code: 'DEMOWY26',
      name: '林思远',
      role: 'member',
      unitId: 'u-baiyin',
      unitPath: unitPath('u-baiyin'),
      sectorId: sectorId('u-baiyin', '科学技术界'),
      userId: null,
      createdBy: 'user-staff-city',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      usedAt: null,
      usedBy: null,
    },
  ];
}
