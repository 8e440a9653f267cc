/** The fault scenarios of concerns and accounts (faults/core2.ts has the rest of the first domains). */
import { WHO } from '../system';
import { DUTY_LIAISON_NOTICES_STATIONS } from './core2';
import { copy, freshId, memberLike, unitLike } from './fixtures';
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

export const CONCERNS_AND_ACCOUNTS = [
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
  scenario({
    name: 'account.bindInvitation',
    arrange: async (c) => ({ openid: c, input: { code: await newInvitation() } }),
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
    name: 'concern.link',
    arrange: async (c) => ({
      openid: WHO.cityStaff,
      input: { id: await concernIn('accepted', c), kind: 'topic', refId: '', title: '关于改善城区路灯照明的建议' },
    }),
  }),
  scenario({
    name: 'concern.saveSettings',
    arrange: async (c) => ({ openid: (await unitLike(c)).openid, input: { acceptWorkingDays: 3, replyDays: 15 } }),
  }),
  scenario({
    name: 'concern.subjectExport',
    arrange: async (c) => {
      // One phone for every run: the earlier runs' concerns are gone, so each finds its own one.
      for (const id of exported.splice(0)) await sys.db.collection('concerns').doc(id).remove();
      const { _id } = await sys.as(c).ok('concern.submit', { ...form, phone: '13909430004' });
      exported.push(_id);
      return { openid: WHO.huiningStaff, input: { phone: '13909430004' } };
    },
  }),
  scenario({
    name: 'account.createInvitation',
    arrange: async (c) => ({
      openid: (await memberLike('user-staff-huining', c)).openid,
      input: { name: '故障委员', role: 'member', unitId: 'u-huining' },
    }),
  }),
  scenario({
    name: 'account.endSession',
    arrange: async (c) => {
      const { userId } = await memberLike('user-m31', c);
      const id = freshId();
      const now = Date.now();
      await sys.db.collection('web_sessions').add({
        data: {
          _id: id,
          openid: c,
          userId,
          device: 'Chrome · Windows',
          createdAt: new Date(now),
          expiresAt: new Date(now + 7 * 86_400_000),
          endedAt: null,
        },
      });
      return { openid: c, input: { id } };
    },
  }),
  // A browser's caller is `web:<its own id>` (webCaller.ts).
  scenario({
    name: 'account.webLoginStart',
    arrange: async (c) => ({ openid: `web:${c}`, input: { device: 'Chrome · Windows' } }),
  }),
  scenario({
    name: 'account.webLoginConfirm',
    arrange: async (c) => ({ openid: await staffOf(c), input: { id: await pcShowingCode(c) } }),
  }),
  scenario({
    name: 'account.webLoginRefuse',
    arrange: async (c) => ({ openid: await staffOf(c), input: { id: await pcShowingCode(c) } }),
  }),
];

export const CORE = [...CONCERNS_AND_ACCOUNTS, ...DUTY_LIAISON_NOTICES_STATIONS];

const exported: string[] = [];

let invitationModel: Promise<string> | null = null;
let invitations = 0;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/**
 * An open invitation to 会宁 of its own for each run: a copy (under a code of its own) of one
 * the real action made, since each made one draws a QR image, the run's dearest part.
 */
async function newInvitation() {
  invitationModel ??= sys
    .as(WHO.huiningStaff)
    .ok('account.createInvitation', { name: '故障委员', role: 'member', unitId: 'u-huining' })
    .then((inv) => inv._id);
  const n = invitations++;
  const code = `FT${Array.from({ length: 6 }, (_, i) => ALPHABET[Math.floor(n / 31 ** i) % 31]).join('')}`;
  await copy('invitations', await invitationModel, [], { _id: freshId(), code });
  return code;
}
const staffOf = async (c: string) => (await memberLike('user-staff-huining', c)).openid;
let loginModel: Promise<string> | null = null;
/**
 * A PC of the run showing its sign-in code (a copy of one the real action started, whose QR image
 * costs most of a run): the login's id.
 */
async function pcShowingCode(c: string) {
  loginModel ??= sys
    .as('web:o_fault_model')
    .ok('account.webLoginStart', { device: 'Chrome · Windows' })
    .then((l) => l.id);
  const id = freshId();
  await copy('web_logins', await loginModel, [], {
    _id: id,
    starter: `web:${c}`,
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 120_000),
  });
  return id;
}
