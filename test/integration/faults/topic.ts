/** The fault scenarios of consultation topics (issue 14): each run acts on a topic of its own, written straight into the store. */
import { createHash } from 'node:crypto';
import { DEFAULT_MAY_CONSULT, type ActionInput, type TopicStep } from '@lxq/types';
import { currentMeetingCode, meetingQrText } from '../../../cloudfunctions/topic/domain/meetingCode';
import { WHO } from '../system';
import { freshId, memberLike } from './fixtures';
import { scenario, sys } from './harness';

const STAFF = WHO.huiningStaff;
const about = {
  title: '会师镇老旧小区停车难',
  background: '老旧小区车位不足，居民车辆停放混乱，消防通道经常被占用。',
  form: 'micro',
} as const;
const ITEM = {
  department: '会宁县住建局',
  owner: '王局长',
  deadline: '2027-06-30',
  outcome: '年底前增加车位 200 个',
  decidedBy: '会宁县人民政府',
};

/** A 会宁 topic of its own at `step`, as the actions before it would have left it. */
async function topicAt(c: string, step: TopicStep, extra: Record<string, unknown> = {}, _id = `topic-fault-${c}`) {
  const now = new Date();
  await sys.db.collection('topics').add({
    data: {
      _id,
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      source: 'party',
      ...about,
      sectorIds: [],
      workstationIds: ['ws-huishi'],
      responsible: [{ userId: 'user-staff-huining', name: '杨振华', openid: STAFF }],
      step,
      records: [
        {
          step: 'collect',
          kind: 'record',
          text: '党政点题',
          by: 'user-staff-huining',
          byName: '杨振华',
          at: now,
          attachments: [],
        },
      ],
      screening: null,
      confirmation: null,
      items: [],
      concerns: [],
      liaisonRecordIds: [],
      nextDueAt: null,
      publishedAt: null,
      closedAt: null,
      createdBy: 'user-staff-huining',
      createdAt: now,
      updatedAt: now,
      ...extra,
    },
  });
  return _id;
}

const screened = () => ({ may: [DEFAULT_MAY_CONSULT[0]], mayNot: [], at: new Date(), byName: '杨振华' });
const assigned = (no: number) => ({ no, suggestion: `增设停车位方案第 ${no} 条`, progress: [], result: null, ...ITEM });

/** A citizen's concern at 会师镇, accepted by 会宁 (a topic may be raised from it). */
async function acceptedConcern(c: string) {
  const { _id } = await sys.as(c).ok('concern.submit', {
    workstationId: 'ws-huishi',
    category: '交通出行',
    title: '小区停车难',
    text: '小区里车位太少，晚上回来经常没有地方停车，消防通道也被占了。',
    consent: true,
  } as ActionInput<'concern.submit'>);
  await sys.as(STAFF).ok('concern.accept', { id: _id });
  return _id;
}

let memberRecord: string | null = null;
/** One of the member's own liaison records (a proposal only lists it: runs may share it). */
async function ownRecord() {
  if (memberRecord) return memberRecord;
  const { data: user } = await sys.db.collection('users').where({ openid: WHO.member }).get();
  const { data } = await sys.db.collection('liaison_records').where({ memberId: user[0]._id }).limit(1).get();
  return (memberRecord = data[0]._id as string);
}

let openCall: string | null = null;
/** One open call for every run: each run's proposal is its own and the call's count moves once. */
async function call() {
  openCall ??= (
    await sys.as(STAFF).ok('topic.openCall', {
      title: '征集社区议题',
      intro: '请群众提出本社区需要协商的事项。',
      closesOn: '2099-12-31',
    })
  )._id;
  return openCall;
}

/** A proposal of its own to an open call, nobody backing it yet (its id is hex, as the action's are). */
export async function proposalOfCall(c: string, openid = 'o_fault_topic_proposer') {
  const callId = await call();
  const _id = createHash('sha1').update(`proposal ${c}`).digest('hex').slice(0, 24);
  const closesAt = new Date('2099-12-31T15:59:59Z');
  await sys.db.collection('topic_proposals').add({
    data: {
      _id,
      callId,
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      openid,
      title: '小区加装电梯',
      text: '老旧小区没有电梯，老人上下楼很困难。',
      backers: 0,
      needsReview: false,
      closesAt,
      createdAt: new Date(),
    },
  });
  return _id;
}

/** 会宁's members (scripts/seed/people.ts), invited to the runs' meetings and given their tasks. */
const MEMBERS = ['user-m31', 'user-m32'];
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

/**
 * A 会宁 topic whose meeting is on, its sign-in open, and `c` invited (pending): the meeting as
 * topic.arrangeMeeting stores it, with a secret of the run's own.
 */
export async function meetingFor(c: string) {
  const at = inHours(0.25);
  const meeting = {
    noticeId: freshId(),
    title: '老旧小区停车难协商会',
    at,
    place: '会师镇委员工作站会议室',
    replyBy: inHours(0.1),
    closesAt: inHours(3.25),
    guests: [],
    invited: 1,
    codeSecret: `secret-${c}`,
    arrangedByName: '杨振华',
    arrangedAt: new Date(),
  };
  const topicId = await topicAt(c, 'meeting', { meeting });
  await sys.db.collection('topic_participation').add({
    data: {
      _id: `meeting:${topicId}:user-${c}`,
      kind: 'meeting',
      topicId,
      topicTitle: about.title,
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      userId: `user-${c}`,
      openid: c,
      name: '故障委员',
      countedAt: at,
      createdAt: new Date(),
      at,
      place: meeting.place,
      closesAt: meeting.closesAt,
      outcome: 'pending',
      signedInAt: null,
    },
  });
  return { topicId, code: meetingQrText(topicId, currentMeetingCode(meeting.codeSecret, topicId, new Date()).code) };
}

/** An open research task of `c`'s (its id hex, as the action's are). */
async function taskOf(c: string) {
  const _id = freshId();
  await sys.db.collection('topic_participation').add({
    data: {
      _id,
      kind: 'research',
      topicId: `topic-fault-${c}`,
      topicTitle: about.title,
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      userId: `user-${c}`,
      openid: c,
      name: '故障委员',
      countedAt: null,
      createdAt: new Date(),
      task: '走访西关社区居民，了解停车需求',
      dueOn: '2027-01-15',
      status: 'open',
      note: '',
      liaisonRecordId: null,
      doneAt: null,
      assignedByName: '杨振华',
    },
  });
  return _id;
}

export const TOPIC = [
  scenario({ name: 'topic.create', arrange: async () => ({ openid: STAFF, input: { ...about, source: 'party' } }) }),
  scenario({
    name: 'topic.raiseFromConcerns',
    arrange: async (c) => ({ openid: STAFF, input: { ...about, concernIds: [await acceptedConcern(c)] } }),
  }),
  scenario({
    name: 'topic.propose',
    arrange: async () => ({ openid: WHO.member, input: { ...about, liaisonRecordIds: [await ownRecord()] } }),
  }),
  scenario({
    name: 'topic.record',
    arrange: async (c) => ({ openid: STAFF, input: { id: await topicAt(c, 'collect'), text: '召开座谈会听取意见' } }),
  }),
  scenario({
    name: 'topic.advance',
    arrange: async (c) => ({ openid: STAFF, input: { id: await topicAt(c, 'plan') } }),
  }),
  scenario({
    name: 'topic.back',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await topicAt(c, 'plan', { screening: screened() }), reason: '方案需要重新确定' },
    }),
  }),
  scenario({
    name: 'topic.screen',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await topicAt(c, 'confirm'), may: [DEFAULT_MAY_CONSULT[0]], mayNot: [] },
    }),
  }),
  scenario({
    name: 'topic.confirm',
    arrange: async (c) => ({
      openid: STAFF,
      input: {
        id: await topicAt(c, 'confirm', { screening: screened() }),
        body: '会师镇党委+政协委员+群众代表',
        date: '2026-11-01',
      },
    }),
  }),
  scenario({
    name: 'topic.suggest',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await topicAt(c, 'meeting'), suggestions: ['利用空地增设停车位', '规范小区停车管理'] },
    }),
  }),
  scenario({
    name: 'topic.assign',
    arrange: async (c) => ({
      openid: STAFF,
      input: {
        id: await topicAt(c, 'decision', {
          items: [{ no: 1, suggestion: '利用空地增设停车位', progress: [], result: null }],
        }),
        no: 1,
        ...ITEM,
      },
    }),
  }),
  scenario({
    name: 'topic.progress',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await topicAt(c, 'implement', { items: [assigned(1)] }), no: 1, text: '已完成选址，正在施工' },
    }),
  }),
  // The last item's result closes the topic and tells the citizen whose concern fed it.
  scenario({
    name: 'topic.result',
    arrange: async (c) => {
      const { _id: concernId } = await sys.as(c).ok('concern.submit', {
        workstationId: 'ws-huishi',
        category: '交通出行',
        title: '小区停车难',
        text: '小区里车位太少，晚上回来经常没有地方停车，消防通道也被占了。',
        consent: true,
      } as ActionInput<'concern.submit'>);
      const concerns = [{ concernId, title: '小区停车难', workstationName: '会师镇委员工作站', submitterOpenid: c }];
      // One id for every run (the previous run's topic is gone): the concern keeps its outcome under it.
      await sys.db.collection('topics').where({ _id: 'topic-fault-result' }).remove();
      const id = await topicAt(c, 'implement', { items: [assigned(1)], concerns }, 'topic-fault-result');
      return { openid: STAFF, input: { id, no: 1, text: '已新增停车位 200 个' } };
    },
  }),
  // Each run starts from the unit's default lists, as the first save does.
  scenario({
    name: 'topic.saveScreeningLists',
    arrange: async () => {
      await sys.db.collection('topic_settings').where({ _id: 'u-huining' }).remove();
      return { openid: STAFF, input: { may: ['城乡建设', '民生保障'], mayNot: ['宗教事务', '涉密事项'] } };
    },
  }),
  scenario({
    name: 'topic.dismissCluster',
    arrange: async (c) => ({
      openid: STAFF,
      input: { key: createHash('sha1').update(c).digest('hex').slice(0, 16) },
    }),
  }),
  scenario({
    name: 'topic.openCall',
    arrange: async () => ({
      openid: STAFF,
      input: { title: '征集社区议题', intro: '请群众提出本社区需要协商的事项。', closesOn: '2099-12-31' },
    }),
  }),
  scenario({
    name: 'topic.proposeToCall',
    arrange: async (c) => ({
      openid: c,
      input: { id: await call(), title: '小区加装电梯', text: '老旧小区没有电梯，老人上下楼很困难。' },
    }),
  }),
  scenario({
    name: 'topic.backProposal',
    arrange: async (c) => ({ openid: c, input: { id: await proposalOfCall(c) } }),
  }),
  // Staff of their own per run: arranging is limited per person and hour (20), and a run fails its every trip.
  scenario({
    name: 'topic.arrangeMeeting',
    arrange: async (c) => {
      await memberLike('user-staff-huining', c, { name: '杨振华' });
      return {
        openid: c,
        input: {
          id: await topicAt(c, 'plan', { meeting: null }),
          title: '老旧小区停车难协商会',
          body: '围绕老旧小区停车难问题协商，请准时参加。',
          at: inHours(24).toISOString(),
          place: '会师镇委员工作站会议室',
          replyBy: inHours(12).toISOString(),
          targets: { userIds: MEMBERS },
          guests: [{ name: '李社区', phone: '13912345678' }],
        },
      };
    },
  }),
  scenario({
    name: 'topic.checkIn',
    arrange: async (c) => ({ openid: c, input: { code: (await meetingFor(c)).code } }),
  }),
  scenario({
    name: 'topic.assignResearch',
    arrange: async (c) => ({
      openid: STAFF,
      input: {
        id: await topicAt(c, 'research'),
        memberIds: MEMBERS,
        task: '走访西关社区居民，了解停车需求',
        dueOn: '2027-01-15',
      },
    }),
  }),
  scenario({
    name: 'topic.closeTask',
    arrange: async (c) => ({ openid: c, input: { id: await taskOf(c), note: '走访了 12 户居民，多数希望增设车位。' } }),
  }),
  scenario({
    name: 'topic.adoptProposal',
    arrange: async (c) => ({ openid: STAFF, input: { id: await proposalOfCall(c), form: 'micro' } }),
  }),
];
