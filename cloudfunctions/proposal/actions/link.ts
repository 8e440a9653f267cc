import type { ProposalSource } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getConcernsByIds } from '../../shared/data/concerns';
import { getRecordsByIds } from '../../shared/data/liaisonRecords';
import { changeProposal } from '../../shared/data/proposals';
import { invalid, invalidState } from '../../shared/errors';
import { ownProposal } from '../domain/load';

/**
 * The draft grows from what the member heard: concerns assigned to them or their own liaison
 * records, linked (and shown on the proposal). 4 round trips.
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
    const found: ProposalSource[] =
      kind === 'concern'
        ? [...(await getConcernsByIds(refIds)).values()]
            .filter((c) => c.assigneeOpenid === ctx.openid)
            .map((c) => ({ kind, id: c._id, title: c.title }))
        : (await getRecordsByIds(refIds))
            .filter((r) => r.memberId === doc.proposerId)
            .map((r) => ({ kind, id: r._id, title: r.summary.slice(0, 30) }));
    if (found.length !== new Set(refIds).size) {
      throw invalid({ refIds: kind === 'concern' ? '只能关联交办给您的诉求' : '只能关联您本人的联系记录' });
    }
    const kept = doc.sources.filter((s) => !found.some((f) => f.kind === s.kind && f.id === s.id));
    const sources = [...kept, ...found];
    if (!(await changeProposal(id, 'draft', { sources, updatedAt: ctx.now }, {}, doc))) {
      throw invalidState('提案已提交，不能再关联');
    }
    ctx.audit(`proposals/${id}`, { sources: doc.sources.length }, { sources: sources.length });
    return { linked: sources.length };
  },
});
