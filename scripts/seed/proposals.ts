/**
 * 提案 demo (会宁): two sessions (十三届一次会议 open now, 十二届五次会议 last year), three
 * handling units of which two have a person bound (教育局, 交通运输局), and proposals in every
 * state: a sector proposal in draft with two co-signers invited, one awaiting review, one being
 * handled by two units, one answered, one not filed, one merged, one closed and key.
 */
import type { Assignment, HandlingUnit, Proposal, ProposalSession, Sector, User } from '@lxq/types';
import { unitPath } from './people';
import { unreviewed } from '../../cloudfunctions/proposal/domain/unreviewed';

const UNIT = 'u-huining';
const day = (now: Date, offset: number) =>
  new Date(now.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export const PROPOSAL_DEMO = {
  session: 'ps-huining-13-1',
  lastSession: 'ps-huining-12-5',
  edu: 'hu-huining-edu',
  transport: 'hu-huining-transport',
  health: 'hu-huining-health',
};

export function makeHandlingUnits(now: Date): HandlingUnit[] {
  const unit = (_id: string, name: string) => ({ _id, unitId: UNIT, unitPath: unitPath(UNIT), name, createdAt: now });
  return [
    unit(PROPOSAL_DEMO.edu, '会宁县教育局'),
    unit(PROPOSAL_DEMO.transport, '会宁县交通运输局'),
    unit(PROPOSAL_DEMO.health, '会宁县卫生健康局'),
  ];
}

/** One person bound to each of two handling units. */
export function makeHandlers(now: Date): User[] {
  const handler = (_id: string, openid: string, name: string, handlingUnitId: string, title: string): User => ({
    _id,
    openid,
    name,
    roles: ['handler'],
    unitId: UNIT,
    unitPath: unitPath(UNIT),
    handlingUnitId,
    title,
    phone: null,
    createdAt: now,
  });
  return [
    handler('user-handler-edu', 'o_handler_edu', '李文斌', PROPOSAL_DEMO.edu, '会宁县教育局办公室主任'),
    handler(
      'user-handler-transport',
      'o_handler_transport',
      '张建军',
      PROPOSAL_DEMO.transport,
      '会宁县交通运输局办公室干部',
    ),
  ];
}

export function makeSessions(now: Date): ProposalSession[] {
  const session = (_id: string, name: string, opensOn: string, closesOn: string): ProposalSession => ({
    _id,
    unitId: UNIT,
    unitPath: unitPath(UNIT),
    name,
    opensOn,
    closesOn,
    createdBy: 'user-staff-huining',
    createdAt: now,
  });
  return [
    session(PROPOSAL_DEMO.session, '十三届一次会议', day(now, -10), day(now, 20)),
    session(PROPOSAL_DEMO.lastSession, '十二届五次会议', day(now, -380), day(now, -350)),
  ];
}

/**
 * The sector a 会宁 member convenes: the one liaison seeded when a sector has two or more members,
 * else the first member's sector, made theirs here (a sector proposal is submitted by its convener).
 */
export function demoConvener(users: User[], sectors: Sector[]) {
  const members = users.filter((u) => u.roles.includes('member') && u.unitId === UNIT);
  const sector =
    sectors.find((s) => s.unitId === UNIT && members.filter((m) => m.sectorId === s._id).length >= 2) ??
    sectors.find((s) => s._id === members[0].sectorId)!;
  const convener = members.find((m) => m.sectorId === sector._id)!;
  return { sector, convener, others: members.filter((m) => m !== convener) };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
export async function seedProposals(
  put: (collection: string, docs: any[]) => Promise<void>,
  db: any,
  now: Date,
  users: User[],
  sectors: Sector[],
) {
  const { sector, convener } = demoConvener(users, sectors);
  await db
    .collection('sectors')
    .doc(sector._id)
    .update({ data: { convenerId: convener._id } });
  await put('proposal_sessions', makeSessions(now));
  await put('handling_units', makeHandlingUnits(now));
  await put('proposals', makeProposals(now, users, sectors));
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function makeProposals(now: Date, users: User[], sectors: Sector[]): Proposal[] {
  const { sector, convener, others } = demoConvener(users, sectors);
  const [a, b, c, d] = others;
  const at = (offset: number) => new Date(now.getTime() + offset * 86_400_000);
  const base = (id: string, who: User, title: string, body: string, offset: number): Proposal => ({
    _id: id,
    sessionId: PROPOSAL_DEMO.session,
    sessionName: '十三届一次会议',
    unitId: UNIT,
    unitPath: unitPath(UNIT),
    kind: 'individual',
    title,
    body,
    proposerId: who._id,
    proposerOpenid: who.openid!,
    proposerName: who.name,
    sectorId: who.sectorId ?? null,
    sectorName: sectors.find((s) => s._id === who.sectorId)?.name ?? null,
    committeeId: null,
    committeeName: null,
    groupName: null,
    cosigners: [],
    cosignerOpenids: [],
    sources: [],
    status: 'submitted',
    submittedAt: at(offset),
    year: Number(day(now, offset).slice(0, 4)),
    ...unreviewed(),
    events: [{ at: at(offset), by: who.openid!, byName: who.name, action: '提交' }],
    createdAt: at(offset - 1),
    updatedAt: at(offset),
  });
  const assignment = (
    id: string,
    name: string,
    role: Assignment['role'],
    status: Assignment['status'],
    dueOn: string,
  ) => ({
    handlingUnitId: id,
    name,
    role,
    status,
    dueOn,
    acknowledgedAt: status === 'pending' ? null : at(-5),
    returnReason: null,
    extension: null,
    replies:
      status === 'answered'
        ? [
            {
              category: 'A' as const,
              text: '已将农村寄宿制学校宿舍改造列入年度计划，秋季学期前完成。',
              fileID: 'cloud://demo.bucket/replies/o_handler_edu/reply-demo.pdf',
              fileName: '关于农村寄宿制学校的答复函.pdf',
              at: at(-2),
              by: 'o_handler_edu',
              byName: '李文斌',
            },
          ]
        : [],
    remindedOn: null,
  });
  const draft = base(
    'proposal-demo-1',
    convener,
    `关于加强${sector.name}参与乡村振兴的建议`,
    '近年来，我县乡村振兴取得积极进展，但在人才引进、产业发展等方面仍有不足。建议统筹各方力量，建立长效机制，推动资源向基层倾斜。',
    0,
  );
  Object.assign(draft, {
    kind: 'sector',
    sectorId: sector._id,
    sectorName: sector.name,
    status: 'draft',
    submittedAt: null,
    sessionName: '',
    year: null,
    cosigners: [a, b].map((u) => ({ userId: u._id, openid: u.openid, name: u.name, status: 'invited', at: null })),
    cosignerOpenids: [a.openid, b.openid],
    events: [{ at: now, by: convener.openid, byName: convener.name, action: '起草' }],
  });
  const pending = base(
    'proposal-demo-2',
    a,
    '关于改善县城老旧小区停车难的建议',
    '县城老旧小区普遍缺少停车位，车辆乱停乱放影响消防通道。建议利用边角地块建设停车场，推行错时共享停车。',
    -3,
  );
  const handling = base(
    'proposal-demo-3',
    b,
    '关于改善农村寄宿制学校条件的建议',
    '部分农村寄宿制学校宿舍拥挤、供暖不足。建议加大投入，改造宿舍和食堂，配齐生活教师。',
    -8,
  );
  Object.assign(handling, {
    status: 'assigned',
    key: true,
    assignments: [
      assignment(PROPOSAL_DEMO.edu, '会宁县教育局', 'lead', 'acknowledged', day(now, 20)),
      assignment(PROPOSAL_DEMO.transport, '会宁县交通运输局', 'assist', 'pending', day(now, 20)),
    ],
    handlingUnitIds: [PROPOSAL_DEMO.edu, PROPOSAL_DEMO.transport],
    dueOn: day(now, 20),
  });
  const answered = base(
    'proposal-demo-4',
    c,
    '关于推进城乡学校结对帮扶的建议',
    '城乡教育资源差距仍然明显。建议推动县城优质学校与乡村学校结对，开展教师交流和线上课堂。',
    -9,
  );
  Object.assign(answered, {
    status: 'answered',
    assignments: [assignment(PROPOSAL_DEMO.edu, '会宁县教育局', 'lead', 'answered', day(now, 10))],
    handlingUnitIds: [PROPOSAL_DEMO.edu],
    dueOn: day(now, 10),
    answeredAt: at(-2),
    answeredOnTime: true,
  });
  const rejected = base(
    'proposal-demo-5',
    d,
    '关于在某小区门口增设路灯的建议',
    '某小区门口道路夜间照明不足，居民出行不便，建议尽快增设路灯，保障群众夜间出行安全。',
    -7,
  );
  Object.assign(rejected, {
    status: 'not_filed',
    notFiled: { reason: '属于具体事务，不宜作为提案', disposition: 'letter' },
  });
  const merged = base(
    'proposal-demo-6',
    d,
    '关于改善乡村学校宿舍条件的建议',
    '乡村学校宿舍条件较差，冬季取暖困难，建议统筹资金改造，保障寄宿学生生活。',
    -8,
  );
  Object.assign(merged, { status: 'merged', mergedInto: { id: handling._id, title: handling.title } });
  handling.mergedFrom = [{ id: merged._id, title: merged.title, proposerName: merged.proposerName }];
  const closed = base(
    'proposal-demo-7',
    a,
    '关于加快县乡公路养护的建议',
    '部分县乡公路年久失修，坑洼较多。建议加大养护投入，建立常态化养护机制。',
    -370,
  );
  Object.assign(closed, {
    sessionId: PROPOSAL_DEMO.lastSession,
    sessionName: '十二届五次会议',
    status: 'closed',
    assignments: [assignment(PROPOSAL_DEMO.transport, '会宁县交通运输局', 'lead', 'answered', day(now, -340))],
    handlingUnitIds: [PROPOSAL_DEMO.transport],
    dueOn: day(now, -340),
    answeredAt: at(-345),
    answeredOnTime: true,
    ratings: [{ rating: 'satisfied', comment: '答复具体，落实到位', at: at(-340) }],
  });
  return [draft, pending, handling, answered, rejected, merged, closed];
}
