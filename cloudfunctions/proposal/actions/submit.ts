import { defineAction } from '../../shared/action';
import { getSession } from '../../shared/data/proposals';
import { invalid, invalidState } from '../../shared/errors';
import { inChina } from '../../shared/time';
import { moveProposal, resumedOn } from '../domain/change';
import { ownProposal } from '../domain/load';
import { isOpen } from '../domain/sessions';

/**
 * The proposer submits within the session's window; outside it the draft waits. Co-signers still
 * invited may confirm until the review; only those confirmed count. 4 round trips.
 */
export default defineAction({
  name: 'proposal.submit',
  // Open at the door: the target admits the proposer (by openid, so no user is loaded) and no one else.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownProposal,
  async handler({ id }, ctx, { doc }) {
    if (!resumedOn(doc) && doc.status !== 'draft') throw invalidState('提案已提交');
    const session = await getSession(doc.sessionId);
    if (!session || !doc.unitPath.includes(session.unitId)) throw invalid({ sessionId: '届次会议不存在，请重新选择' });
    if (!isOpen(session, ctx.now)) {
      throw invalidState(
        `「${session.name}」提案提交时间为 ${session.opensOn} 至 ${session.closesOn}，现在不在提交时段内。草稿已保存，可在提交时段内再提交。`,
      );
    }
    const status = await moveProposal({
      proposal: doc,
      action: 'submit',
      by: { openid: ctx.openid, name: doc.proposerName },
      now: ctx.now,
      event: '提交',
      set: { sessionName: session.name, submittedAt: ctx.now, year: inChina(ctx.now).year() },
    });
    ctx.audit(`proposals/${id}`, { status: doc.status }, { status });
    return { status };
  },
});
