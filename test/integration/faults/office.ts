/**
 * The fault scenarios of 社情民意信息 and 提案 (issue 15): each run acts on a report or a proposal
 * of its own, written straight into the store at the status the run needs.
 */
import type { ActionInput, ReportStatus } from '@lxq/types';
import { unreviewed } from '../../../cloudfunctions/proposal/domain/unreviewed';
import { WHO } from '../system';
import { scenario, sys } from './harness';

const STAFF = WHO.huiningStaff;
const AUTHOR = 'o_member_31';
const HUINING = ['u-gansu', 'u-baiyin', 'u-huining'];
const body = {
  title: '关于增加东关村至县城客运班次的建议',
  situation: '东关村群众反映，村里到县城每天只有两班车，群众看病、办事很不方便。',
  problems: '一是班次少；二是末班车时间早，群众办完事赶不上车。',
  suggestions: '建议交通运输部门增加班次，研究开通城乡公交，方便群众出行。',
  reporter: '会宁县政协委员',
};

let author: { _id: string; name: string } | null = null;
async function authorUser() {
  author ??= (await sys.db.collection('users').where({ openid: AUTHOR }).get()).data[0] as {
    _id: string;
    name: string;
  };
  return author!;
}

/** A citizen's concern at 会师镇 (a report names it; its submitter hears of adoption and 批示). */
async function concernOf(c: string) {
  const { _id } = await sys.as(c).ok('concern.submit', {
    workstationId: 'ws-huishi',
    category: '交通出行',
    title: '东关村到县城班车太少',
    text: '我们东关村到县城每天只有两班车，看病办事很不方便。',
    consent: true,
  } as ActionInput<'concern.submit'>);
  return _id;
}

/** A report of the 会宁 member's own at `status`, held by the 会宁 desk, naming a concern of `c`. */
async function reportIn(c: string, status: ReportStatus, extra: Record<string, unknown> = {}) {
  const u = await authorUser();
  const now = new Date();
  const submitted = status !== 'draft';
  // A concern keeps the report under its id: one id per scenario (the previous run's report is gone).
  const _id = submitted ? `report-fault-${status}-${String(extra.tag)}` : `report-fault-${c}`;
  if (submitted) await sys.db.collection('reports').where({ _id }).remove();
  delete extra.tag;
  await sys.db.collection('reports').add({
    data: {
      _id,
      ...body,
      status,
      authorId: u._id,
      authorOpenid: AUTHOR,
      authorName: u.name,
      sectorId: null,
      unitId: 'u-huining',
      unitPath: HUINING,
      atUnitId: 'u-huining',
      atUnitPath: HUINING,
      concernIds: submitted ? [await concernOf(c)] : [],
      liaisonIds: [],
      submitterOpenids: submitted ? [c] : [],
      decisions: submitted
        ? [{ at: now, action: 'submit', unitId: 'u-huining', unitName: '', level: null, byName: u.name }]
        : [],
      instructions: [],
      adoptedLevels: status === 'adopted' ? ['county'] : [],
      year: submitted ? now.getFullYear() : null,
      createdAt: now,
      updatedAt: now,
      submittedAt: submitted ? now : null,
      ...extra,
    },
  });
  return _id;
}

export const REPORT = [
  scenario({ name: 'report.create', arrange: async () => ({ openid: AUTHOR, input: { liaisonIds: ['lr-m31-01'] } }) }),
  scenario({
    name: 'report.save',
    arrange: async (c) => ({
      openid: AUTHOR,
      input: { id: await reportIn(c, 'draft'), ...body, title: '关于开通城乡公交的建议' },
    }),
  }),
  scenario({
    name: 'report.submit',
    arrange: async (c) => ({ openid: AUTHOR, input: { id: await reportIn(c, 'draft') } }),
  }),
  scenario({
    name: 'report.decide',
    arrange: async (c) => ({
      openid: STAFF,
      input: {
        id: await reportIn(c, 'submitted', { tag: 'adopt' }),
        action: 'adopt',
        publication: '会宁政协信息',
        issue: '第 3 期',
      },
    }),
  }),
  // Sent up, it leaves the desk: the retry must still be let in and answered as the first call.
  scenario({
    name: 'report.decide',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await reportIn(c, 'submitted', { tag: 'forward' }), action: 'forward' },
    }),
  }),
  scenario({
    name: 'report.instruct',
    arrange: async (c) => ({
      openid: STAFF,
      input: {
        id: await reportIn(c, 'adopted', { tag: 'instruct' }),
        position: '县长',
        date: '2026-11-20',
        text: '请交通局研究落实。',
      },
    }),
  }),
];

const COSIGNER = 'o_member_32';
const EDU = 'o_handler_edu';
const SESSION = 'ps-huining-13-1';
const draft = {
  sessionId: SESSION,
  title: '关于完善县城公共交通线路的建议',
  body: '县城公交线路少、班次稀，城郊居民出行不便。建议优化线路，增加城乡公交班次，推行定制公交。',
};

/** A 会宁 handling unit's part in a proposal, as 交办 leaves it (then changed per run). */
const part = (handlingUnitId: string, name: string, role: 'lead' | 'assist', extra: Record<string, unknown> = {}) => ({
  handlingUnitId,
  name,
  role,
  status: 'pending',
  dueOn: '2099-01-01',
  acknowledgedAt: null,
  returnReason: null,
  extension: null,
  replies: [],
  remindedOn: null,
  ...extra,
});
const eduPart = (extra: Record<string, unknown> = {}) => part('hu-huining-edu', '会宁县教育局', 'lead', extra);

/** A proposal of the 会宁 member's own at `status`, written straight into the store. */
async function proposalIn(c: string, status: string, extra: Record<string, unknown> = {}) {
  const u = await authorUser();
  const now = new Date();
  const submitted = status !== 'draft';
  const _id = `proposal-fault-${c}`;
  await sys.db.collection('proposals').add({
    data: {
      _id,
      ...draft,
      sessionName: submitted ? '十三届一次会议' : '',
      unitId: 'u-huining',
      unitPath: HUINING,
      kind: 'individual',
      proposerId: u._id,
      proposerOpenid: AUTHOR,
      proposerName: u.name,
      sectorId: null,
      committeeId: null,
      groupName: null,
      cosigners: [],
      cosignerOpenids: [],
      sources: [],
      status,
      submittedAt: submitted ? now : null,
      year: submitted ? now.getFullYear() : null,
      ...unreviewed(),
      events: [{ at: now, by: AUTHOR, byName: u.name, action: '起草' }],
      createdAt: now,
      updatedAt: now,
      ...extra,
    },
  });
  return _id;
}
const assigned = (parts: unknown[]) => ({
  assignments: parts,
  handlingUnitIds: parts.map((p) => (p as { handlingUnitId: string }).handlingUnitId),
  dueOn: '2099-01-01',
});

let reply: string | null = null;
/** The education bureau's reply letter, uploaded once to its own folder (runs may name it again). */
async function replyLetter() {
  if (reply) return reply;
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4 reply')]), 'reply.pdf');
  form.append('cloudPath', `replies/${EDU}/fault-reply.pdf`);
  const res = await fetch(`${sys.emulator.url}/__cloud/upload`, {
    method: 'POST',
    headers: { 'X-WX-OPENID': EDU },
    body: form,
  });
  return (reply = ((await res.json()) as { fileID: string }).fileID);
}

export const PROPOSAL = [
  scenario({
    name: 'proposal.createSession',
    arrange: async () => ({
      openid: STAFF,
      input: { name: '十三届二次会议', opensOn: '2026-01-01', closesOn: '2026-12-31' },
    }),
  }),
  scenario({
    name: 'proposal.create',
    arrange: async () => ({ openid: AUTHOR, input: { ...draft, kind: 'individual' } }),
  }),
  scenario({
    name: 'proposal.update',
    arrange: async (c) => ({
      openid: AUTHOR,
      input: { id: await proposalIn(c, 'draft'), ...draft, title: '关于开通定制公交的建议' },
    }),
  }),
  scenario({
    name: 'proposal.setCosigners',
    arrange: async (c) => ({ openid: AUTHOR, input: { id: await proposalIn(c, 'draft'), memberIds: ['user-m32'] } }),
  }),
  scenario({
    name: 'proposal.link',
    arrange: async (c) => ({
      openid: AUTHOR,
      input: { id: await proposalIn(c, 'draft'), kind: 'liaison', refIds: ['lr-m31-01'] },
    }),
  }),
  scenario({
    name: 'proposal.cosign',
    arrange: async (c) => {
      const cosigners = [{ userId: 'user-m32', openid: COSIGNER, name: '联名委员', status: 'invited', at: null }];
      const id = await proposalIn(c, 'draft', { cosigners, cosignerOpenids: [COSIGNER] });
      return { openid: COSIGNER, input: { id, accept: true } };
    },
  }),
  scenario({
    name: 'proposal.submit',
    arrange: async (c) => ({ openid: AUTHOR, input: { id: await proposalIn(c, 'draft') } }),
  }),
  scenario({
    name: 'proposal.preReview',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await proposalIn(c, 'submitted'), handlingUnitId: 'hu-huining-edu', opinion: '建议由教育局主办' },
    }),
  }),
  scenario({
    name: 'proposal.review',
    arrange: async (c) => ({
      openid: STAFF,
      input: { id: await proposalIn(c, 'submitted'), decision: 'file', note: '符合立案条件' },
    }),
  }),
  scenario({
    name: 'proposal.setKey',
    arrange: async (c) => ({ openid: STAFF, input: { id: await proposalIn(c, 'filed'), key: true } }),
  }),
  scenario({
    name: 'proposal.assign',
    arrange: async (c) => ({
      openid: STAFF,
      input: {
        id: await proposalIn(c, 'filed'),
        leadId: 'hu-huining-transport',
        assistIds: ['hu-huining-edu'],
        dueOn: '2099-01-01',
      },
    }),
  }),
  scenario({
    name: 'proposal.acknowledge',
    arrange: async (c) => ({ openid: EDU, input: { id: await proposalIn(c, 'assigned', assigned([eduPart()])) } }),
  }),
  scenario({
    name: 'proposal.requestExtension',
    arrange: async (c) => ({
      openid: EDU,
      input: {
        id: await proposalIn(c, 'assigned', assigned([eduPart({ status: 'acknowledged' })])),
        days: 10,
        reason: '需要征求多个部门意见',
      },
    }),
  }),
  scenario({
    name: 'proposal.decideExtension',
    arrange: async (c) => {
      const extension = { days: 10, reason: '需要征求多个部门意见', status: 'asked', at: new Date() };
      const id = await proposalIn(c, 'assigned', assigned([eduPart({ status: 'acknowledged', extension })]));
      return { openid: STAFF, input: { id, handlingUnitId: 'hu-huining-edu', grant: true } };
    },
  }),
  // An assisting unit returns its part: the lead keeps the proposal in hand.
  scenario({
    name: 'proposal.return',
    arrange: async (c) => {
      const parts = [
        part('hu-huining-transport', '会宁县交通运输局', 'lead'),
        part('hu-huining-edu', '会宁县教育局', 'assist'),
      ];
      return {
        openid: EDU,
        input: { id: await proposalIn(c, 'assigned', assigned(parts)), reason: '不属于本单位职责' },
      };
    },
  }),
  scenario({
    name: 'proposal.answer',
    arrange: async (c) => ({
      openid: EDU,
      input: {
        id: await proposalIn(c, 'assigned', assigned([eduPart({ status: 'acknowledged' })])),
        category: 'A',
        text: '已将城乡公交线路优化列入明年计划。',
        fileID: await replyLetter(),
        fileName: '答复函.pdf',
      },
    }),
  }),
  scenario({
    name: 'proposal.rate',
    arrange: async (c) => {
      const answered = assigned([eduPart({ status: 'answered' })]);
      const id = await proposalIn(c, 'answered', { ...answered, answeredAt: new Date(), answeredOnTime: true });
      return { openid: AUTHOR, input: { id, rating: 'satisfied', comment: '答复具体' } };
    },
  }),
  scenario({
    name: 'proposal.saveHandlingUnit',
    arrange: async (c) => ({ openid: STAFF, input: { name: `承办${c}` } }),
  }),
];

export const OFFICE = [...REPORT, ...PROPOSAL];
