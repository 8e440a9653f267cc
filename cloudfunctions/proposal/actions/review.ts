import { NOT_FILED_DISPOSITION_LABELS, type Proposal } from '@lxq/types';
import { _ } from '../../shared/cloud';
import { defineAction, type ActionContext } from '../../shared/action';
import { changeProposal, getProposal } from '../../shared/data/proposals';
import { insertReport } from '../../shared/data/reports';
import { invalid, invalidState } from '../../shared/errors';
import { moveProposal } from '../domain/change';
import { actor, staffProposal } from '../domain/load';
import { linkConcernsOf, linkRecordsOf } from '../domain/sources';
import { REPORT_PAGE, tellProposer } from '../domain/tell';
import { reportFromProposal } from '../domain/toReport';

/**
 * The review committee's decision on a submitted proposal: 立案, 不立案 (with the reason the
 * proposer reads, and what it becomes instead: 转为社情民意信息 makes the proposer a report draft
 * from its text, linked both ways), or 并案 into another proposal of the same session (both
 * proposers are told). The proposer hears of it in their inbox.
 */
export default defineAction({
  name: 'proposal.review',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffProposal,
  async handler(input, ctx, { doc }) {
    const by = await actor(ctx);
    if (input.decision === 'file') {
      const status = await moveProposal({
        proposal: doc,
        action: 'file',
        by,
        now: ctx.now,
        event: '立案',
        note: input.note,
        set: { reviewNote: input.note ?? null },
      });
      await linkConcernsOf(doc, by, ctx.now);
      await linkRecordsOf(doc, ctx.now);
      await tellProposer(
        doc,
        ctx.newId('tell'),
        '提案已立案',
        `您的提案「${doc.title}」已立案，将交有关单位办理。`,
        ctx.now,
        true,
      );
      ctx.audit(`proposals/${doc._id}`, { status: doc.status }, { status });
      return { status };
    }
    if (input.decision === 'reject') {
      const disposition = input.disposition ?? 'none';
      const reportId = disposition === 'report' ? ctx.newId('report') : null;
      const status = await moveProposal({
        proposal: doc,
        action: 'reject',
        by,
        now: ctx.now,
        event: '不予立案',
        note: `${input.reason}（${NOT_FILED_DISPOSITION_LABELS[disposition]}）`,
        set: {
          notFiled: { reason: input.reason!, disposition, ...(reportId ? { reportId } : {}) },
          reviewNote: input.note ?? null,
        },
      });
      if (reportId) await insertReport(reportFromProposal(doc, reportId, ctx.now));
      await tellProposer(
        doc,
        ctx.newId('tell'),
        '提案未予立案',
        `您的提案「${doc.title}」未予立案：${input.reason}。处理方式：${NOT_FILED_DISPOSITION_LABELS[disposition]}。` +
          (reportId ? '已为您生成社情民意信息草稿，修改后即可报送。' : ''),
        ctx.now,
        false,
        reportId ? `${REPORT_PAGE}?id=${reportId}` : undefined,
      );
      ctx.audit(
        `proposals/${doc._id}`,
        { status: doc.status },
        { status, reason: input.reason, disposition, ...(reportId ? { reportId } : {}) },
      );
      return { status };
    }
    return merge(doc, input.intoId!, ctx);
  },
});

async function merge(doc: Proposal, intoId: string, ctx: ActionContext) {
  const into = await getProposal(intoId);
  if (!into || !into.unitPath.includes(doc.unitId) || into.sessionId !== doc.sessionId) {
    throw invalid({ intoId: '并入的提案不存在或不是同一届次会议的提案' });
  }
  if (into.status !== 'submitted' && into.status !== 'filed') throw invalidState('只能并入待审查或已立案的提案');
  const by = await actor(ctx);
  const status = await moveProposal({
    proposal: doc,
    action: 'merge',
    by,
    now: ctx.now,
    event: '并案',
    note: `并入「${into.title}」`,
    set: { mergedInto: { id: into._id, title: into.title } },
  });
  const entry = { id: doc._id, title: doc.title, proposerName: doc.proposerName };
  // A retry after a crash finds the entry there already.
  await changeProposal(
    into._id,
    into.status,
    { mergedFrom: _.push([entry]), updatedAt: ctx.now },
    { 'mergedFrom.id': _.neq(doc._id) },
  );
  const key = ctx.newId('tell');
  await tellProposer(
    doc,
    key,
    '提案已并案',
    `您的提案「${doc.title}」与「${into.title}」内容相近，已并案办理。`,
    ctx.now,
  );
  await tellProposer(
    into,
    key,
    '有提案并入您的提案',
    `「${doc.title}」（${doc.proposerName}）已并入您的提案「${into.title}」一并办理。`,
    ctx.now,
  );
  ctx.audit(`proposals/${doc._id}`, { status: doc.status }, { status, mergedInto: into._id });
  return { status };
}
