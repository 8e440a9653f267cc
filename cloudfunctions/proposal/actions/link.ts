import type { ProposalSource } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getConcernsByIds } from '../../shared/data/concerns';
import { getRecordsByIds } from '../../shared/data/liaisonRecords';
import { changeProposal } from '../../shared/data/proposals';
import { getReportsByIds } from '../../shared/data/reports';
import { invalid, invalidState } from '../../shared/errors';
import { ownProposal } from '../domain/load';

const NOT_YOURS = {
  concern: '只能关联交办给您的诉求',
  liaison: '只能关联您本人的联系记录',
  report: '只能关联您本人撰写的社情民意信息',
} as const;

/**
 * The draft grows from what the member heard: concerns assigned to them, their own liaison
 * records or their own 社情民意信息, linked (and shown on the proposal). 4 round trips. The
 * records and reports keep the proposal once it is filed (domain/sources.ts), as concerns do.
 */
export default defineAction({
  name: 'proposal.link',
  // Open at the door: the target admits the proposer (by openid, so no user is loaded) and no one else.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownProposal,
  async handler({ id, kind, refIds }, ctx, { doc }) {
    if (doc.status !== 'draft') throw invalidState('提案已提交，不能再关联');
    const found = await pick(kind, refIds, doc.proposerId, ctx.openid);
    if (found.length !== new Set(refIds).size) throw invalid({ refIds: NOT_YOURS[kind] });
    const kept = doc.sources.filter((s) => !found.some((f) => f.kind === s.kind && f.id === s.id));
    const sources = [...kept, ...found];
    if (!(await changeProposal(id, 'draft', { sources, updatedAt: ctx.now }, {}, doc))) {
      throw invalidState('提案已提交，不能再关联');
    }
    ctx.audit(`proposals/${id}`, { sources: doc.sources.length }, { sources: sources.length });
    return { linked: sources.length };
  },
});

async function pick(
  kind: ProposalSource['kind'],
  refIds: string[],
  proposerId: string,
  openid: string,
): Promise<ProposalSource[]> {
  if (kind === 'concern')
    return [...(await getConcernsByIds(refIds)).values()]
      .filter((c) => c.assigneeOpenid === openid)
      .map((c) => ({ kind, id: c._id, title: c.title }));
  if (kind === 'report')
    return (await getReportsByIds(refIds))
      .filter((r) => r.authorOpenid === openid)
      .map((r) => ({ kind, id: r._id, title: r.title }));
  return (await getRecordsByIds(refIds))
    .filter((r) => r.memberId === proposerId)
    .map((r) => ({ kind, id: r._id, title: r.summary.slice(0, 30) }));
}
