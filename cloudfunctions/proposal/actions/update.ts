import { defineAction } from '../../shared/action';
import { changeProposal } from '../../shared/data/proposals';
import { invalidState } from '../../shared/errors';
import { checkText } from '../domain/draft';
import { ownProposal } from '../domain/load';

/** The proposer edits their draft (its kind stays what it was created as). 3 round trips. */
export default defineAction({
  name: 'proposal.update',
  // Open at the door: the target admits the proposer (by openid, so no user is loaded) and no one else.
  roles: ['citizen'],
  mutates: true,
  // Writing the same text again is harmless; the audit entry's key stops a second record.
  retrySafe: true,
  target: ownProposal,
  async handler({ id, sessionId, title, body, groupName }, ctx, { doc }) {
    if (doc.status !== 'draft') throw invalidState('提案已提交，不能再修改');
    await checkText(ctx.openid, title, body);
    const set = {
      sessionId,
      title,
      body,
      ...(doc.kind === 'group' ? { groupName: groupName ?? doc.groupName } : {}),
      updatedAt: ctx.now,
    };
    if (!(await changeProposal(id, 'draft', set, {}, doc))) throw invalidState('提案已提交，不能再修改');
    ctx.audit(`proposals/${id}`, { title: doc.title, body: doc.body }, { title, body });
    return { _id: id };
  },
});
