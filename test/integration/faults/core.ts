/** The fault scenarios of the first domains: concerns, duty, liaison, accounts. */
import { WHO } from '../system';
import { arrangeShift, chinaDate } from '../shifts';
import { copy, freshId, memberLike } from './fixtures';
import { scenario, sys } from './harness';

const MEMBER = WHO.member;
const form = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '会师南路路灯不亮',
  text: '会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多。',
  consent: true,
} as const;

/** Brings a new concern of `citizen` to a status, through the real actions. */
async function throughActions(status: string, citizen: string): Promise<string> {
  const { _id: id } = await sys.as(citizen).ok('concern.submit', form);
  const staff = sys.as(WHO.cityStaff);
  if (status === 'submitted') return id;
  await staff.ok('concern.accept', { id });
  if (status === 'accepted') return id;
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  if (status === 'assigned') return id;
  await sys.as(MEMBER).ok('concern.start', { id });
  if (status === 'in_progress') return id;
  await sys.as(MEMBER).ok('concern.reply', { id, text: '已协调供电所修复，请查看效果。' });
  return id;
}

const templates = new Map<string, Promise<string>>();
/**
 * A new concern of `citizen` in a status: a copy of one the real actions brought there once (its
 * own id, and `citizen` as its submitter wherever the first one's was named).
 */
async function concernIn(status: string, citizen: string): Promise<string> {
  const model = `o_model_${status}`;
  if (!templates.has(status)) templates.set(status, throughActions(status, model));
  const modelId = await templates.get(status)!;
  const id = freshId();
  await copy('concerns', modelId, [
    [modelId, id],
    [model, citizen],
  ]);
  return id;
}

export const CORE = [
  scenario({ name: 'concern.submit', arrange: async (c) => ({ openid: c, input: form }) }),
  scenario({
    name: 'concern.accept',
    arrange: async (c) => {
      const id = await concernIn('submitted', c);
      return { openid: WHO.cityStaff, input: { id }, concern: id };
    },
  }),
  scenario({
    name: 'concern.assign',
    arrange: async (c) => {
      const id = await concernIn('accepted', c);
      return { openid: WHO.cityStaff, input: { id, target: { kind: 'member', id: 'user-m02' } }, concern: id };
    },
  }),
  scenario({
    name: 'concern.start',
    arrange: async (c) => {
      const id = await concernIn('assigned', c);
      return { openid: MEMBER, input: { id }, concern: id };
    },
  }),
  scenario({
    name: 'concern.reply',
    arrange: async (c) => {
      const id = await concernIn('in_progress', c);
      return { openid: MEMBER, input: { id, text: '已协调供电所修复，请查看效果。' }, concern: id };
    },
  }),
  scenario({
    name: 'concern.rate',
    arrange: async (c) => {
      const id = await concernIn('replied', c);
      return { openid: c, input: { id, score: 5, comment: '满意' }, concern: id };
    },
  }),
  scenario({
    name: 'concern.reopen',
    arrange: async (c) => {
      const id = await concernIn('replied', c);
      return { openid: c, input: { id, reason: '路灯修了又坏了' }, concern: id };
    },
  }),
  scenario({ name: 'liaison.log', arrange: async () => ({ openid: MEMBER, input: liaisonRecord() }) }),
  scenario({
    name: 'liaison.log',
    arrange: async () => ({ openid: MEMBER, input: { ...liaisonRecord(), concerns: [raised] } }),
  }),
  scenario({
    name: 'duty.signIn',
    arrange: async (c) => ({ openid: await shiftNow(c, false), input: { shiftId: `fault-${c}`, location: HUISHI } }),
  }),
  scenario({
    name: 'duty.recordReception',
    arrange: async (c) => ({
      openid: await shiftNow(c, true),
      input: { shiftId: `fault-${c}`, people: 1, topic: '反映村道问题', consent: true, concern: raised },
    }),
  }),
  scenario({
    name: 'account.bindInvitation',
    arrange: async (c) => {
      const inv = await sys
        .as(inviter())
        .ok('account.createInvitation', { name: '故障委员', role: 'member', unitId: 'u-huining' });
      return { openid: c, input: { code: inv.code } };
    },
  }),
  scenario({
    name: 'concern.reject',
    arrange: async (c) => {
      const id = await concernIn('submitted', c);
      return { openid: WHO.cityStaff, input: { id, reason: '不属于政协受理范围' } };
    },
  }),
  scenario({
    name: 'concern.addNote',
    arrange: async (c) => {
      const id = await concernIn('accepted', c);
      return { openid: WHO.cityStaff, input: { id, text: '已电话联系群众核实情况' } };
    },
  }),
  scenario({
    name: 'concern.close',
    arrange: async (c) => {
      const id = await concernIn('replied', c);
      return { openid: WHO.cityStaff, input: { id, note: '群众未评价，按期办结' } };
    },
  }),
  scenario({
    name: 'duty.signOut',
    arrange: async (c) => ({ openid: await shiftNow(c, true), input: { shiftId: `fault-${c}`, location: HUISHI } }),
  }),
  scenario({
    name: 'account.readInbox',
    arrange: async (c) => {
      await sys.db.collection('inbox').add({
        data: {
          _id: `inbox-${c}`,
          openid: c,
          kind: 'concern',
          title: '有新进展',
          body: '请查看',
          page: 'pages/concern/mine',
          refId: null,
          createdAt: new Date(),
          readAt: null,
          push: 'skipped',
        },
      });
      return { openid: c, input: { id: `inbox-${c}` } };
    },
  }),
  scenario({
    name: 'account.recordSubscriptions',
    arrange: async (c) => ({ openid: c, input: { answers: [{ template: 'concernStatus', answer: 'accept' }] } }),
  }),
  scenario({
    name: 'concern.withdraw',
    arrange: async (c) => ({ openid: c, input: { id: await concernIn('submitted', c) } }),
  }),
  scenario({
    name: 'concern.removePhone',
    arrange: async (c) => {
      const { _id } = await sys.as(c).ok('concern.submit', { ...form, phone: '13909430001' });
      return { openid: c, input: { id: _id } };
    },
  }),
  scenario({
    name: 'concern.markDuplicate',
    arrange: async (c) => {
      const originalId = await concernIn('accepted', c);
      return { openid: WHO.cityStaff, input: { id: await concernIn('submitted', c), originalId } };
    },
  }),
  // One phone for every run: each run's erase finds only its own citizen's data (earlier runs' is gone).
  scenario({
    name: 'concern.subjectErase',
    arrange: async (c) => {
      await sys.as(c).ok('concern.submit', { ...form, phone: '13909430002' });
      return { openid: WHO.huiningStaff, input: { phone: '13909430002' } };
    },
  }),
  scenario({
    name: 'liaison.saveContact',
    arrange: async (c) => ({ openid: await newMember(c), input: { name: '王秀兰', phone: '13809430003' } }),
  }),
  scenario({
    name: 'liaison.savePairing',
    arrange: async (c) => ({
      openid: await newMember(c),
      input: { name: '李家', kind: 'family', since: '2026-01-01' },
    }),
  }),
  scenario({
    name: 'concern.link',
    arrange: async (c) => ({
      openid: WHO.cityStaff,
      input: { id: await concernIn('accepted', c), kind: 'topic', refId: '', title: '关于改善城区路灯照明的建议' },
    }),
  }),
  scenario({
    name: 'liaison.saveBase',
    arrange: async (c) => ({ openid: await newMember(c), input: { name: '西关社区', kind: '社区' } }),
  }),
  scenario({
    name: 'duty.requestLeave',
    arrange: async (c) => ({
      openid: await shiftLater(c),
      input: { shiftId: `fault-${c}`, kind: 'leave', reason: '外出参加培训' },
    }),
  }),
  scenario({
    name: 'notice.send',
    arrange: async (c) => ({
      // Its own sender per run: sends are limited per staff member, and a repeat is refused.
      openid: (await memberLike('user-staff-huining', c)).openid,
      input: {
        title: '关于召开委员工作站例会的通知',
        body: '请于本周五下午到会师镇委员工作站参加例会。',
        targets: { userIds: ['user-m31', 'user-m32'] },
      },
    }),
  }),
];

/**
 * Who issues the runs' invitations, in turn: invitations are limited to 30 an hour per person, and
 * the runs need more than that.
 */
const INVITERS = [WHO.admin, WHO.cityStaff, WHO.huiningStaff];
let invitations = 0;
const inviter = () => INVITERS[invitations++ % INVITERS.length];

/** A new member of 会宁 (liaison edits need their own profile per run). */
const newMember = async (openid: string) => (await memberLike('user-m31', openid)).openid;

const HUISHI = { lat: 35.6927, lng: 105.0536 };
const raised = {
  category: '民生',
  title: '村道坑洼需要修补',
  text: '村里通往镇上的道路坑洼很多，雨天积水严重。',
} as const;
const liaisonRecord = () =>
  ({
    date: chinaDate(new Date()),
    time: '00:00',
    channel: 'face',
    place: '会师镇西关社区',
    personTimes: 12,
    summary: '走访社区了解老年人助餐需求',
  }) as const;

/** A shift at 会师镇 running now with `citizen` as its one member (signed in when asked). */
async function shiftNow(citizen: string, signedIn: boolean) {
  const now = Date.now();
  await arrangeShift(
    sys,
    {
      id: 'ws-huishi',
      name: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      location: HUISHI,
    },
    { id: `fault-${citizen}`, start: new Date(now - 10 * 60_000), end: new Date(now + 2 * 3_600_000) },
    [{ userId: `user-${citizen}`, openid: citizen }],
  );
  if (signedIn) await sys.as(citizen).ok('duty.signIn', { shiftId: `fault-${citizen}`, location: HUISHI });
  return citizen;
}

/** A shift at 会师镇 tomorrow with `citizen` as its one member. */
async function shiftLater(citizen: string) {
  const start = new Date(Date.now() + 24 * 3_600_000);
  await arrangeShift(
    sys,
    {
      id: 'ws-huishi',
      name: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      location: HUISHI,
    },
    { id: `fault-${citizen}`, start, end: new Date(start.getTime() + 2 * 3_600_000) },
    [{ userId: `user-${citizen}`, openid: citizen }],
  );
  return citizen;
}
