import type { Cosigner } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeProposal } from '../../shared/data/proposals';
import { getUsersByIds } from '../../shared/data/users';
import { invalid, invalidState } from '../../shared/errors';
import { ownProposal } from '../domain/load';
import { tellCosigners } from '../domain/tell';
import { alreadyChanged } from '../../shared/rewind';

/**
 * The proposer invites co-signers (联名) while drafting: members of the same committee body. Each
 * sees the invitation under 邀请我联名 and counts only once they confirm; one already answered
 * keeps their answer; the newly invited are told by a subscribe message. 4 round trips.
 */
export default defineAction({
  name: 'proposal.setCosigners',
  // Open at the door: the target admits the proposer (by openid, so no user is loaded) and no one else.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownProposal,
  async handler({ id, memberIds }, ctx, { doc }) {
    if (doc.status !== 'draft') throw invalidState('提案已提交，联名人不能再更改');
    const wanted = [...new Set(memberIds)].filter((m) => m !== doc.proposerId);
    const users = await getUsersByIds(wanted);
    const ok = users.filter((u) => u.roles.includes('member') && u.unitPath.includes(doc.unitId));
    if (ok.length !== wanted.length) throw invalid({ memberIds: '联名人须为本级政协委员' });
    const before = new Map(doc.cosigners.map((c) => [c.userId, c]));
    const cosigners: Cosigner[] = ok.map(
      (u) => before.get(u._id) ?? { userId: u._id, openid: u.openid, name: u.name, status: 'invited', at: null },
    );
    const set = {
      cosigners,
      cosignerOpenids: cosigners.map((c) => c.openid).filter(Boolean),
      updatedAt: ctx.now,
    };
    if (!(await changeProposal(id, 'draft', set, {}, doc))) throw invalidState('提案已提交，联名人不能再更改');
    // A retry of a call that stored the invitation before dying sends nothing: at most once.
    if (!alreadyChanged(doc)) {
      const fresh = cosigners.filter((c) => !before.has(c.userId) && c.openid).map((c) => c.openid!);
      await tellCosigners(doc, fresh, ctx.now);
    }
    ctx.audit(`proposals/${id}`, { cosigners: doc.cosigners.map((c) => c.userId) }, { cosigners: wanted });
    return { invited: cosigners.filter((c) => c.status === 'invited').length };
  },
});
