import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { cosignedProposal } from '../domain/load';

/** An invited co-signer confirms (then counts) or declines, once, before the review. 3 round trips. */
export default defineAction({
  name: 'proposal.cosign',
  // Open at the door: the target admits the invited co-signer (by openid, so no user is loaded) alone.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: cosignedProposal,
  async handler({ id, accept }, ctx, { doc, at }) {
    const me = doc.cosigners[at];
    const again = resumedOn(doc);
    if (!again && doc.status !== 'draft' && doc.status !== 'submitted')
      throw invalidState('提案已审查，不能再答复联名');
    if (!again && me.status !== 'invited') throw invalidState('您已答复过这项联名邀请');
    const status = accept ? 'confirmed' : 'declined';
    await moveProposal({
      proposal: doc,
      action: null,
      by: { openid: ctx.openid, name: me.name },
      now: ctx.now,
      event: accept ? '确认联名' : '谢绝联名',
      set: { [`cosigners.${at}.status`]: status, [`cosigners.${at}.at`]: ctx.now },
      where: { [`cosigners.${at}.status`]: 'invited', [`cosigners.${at}.userId`]: me.userId },
      otherwise: '您已答复过这项联名邀请',
    });
    ctx.audit(`proposals/${id}`, { cosigner: me.status }, { cosigner: status });
    return { status };
  },
});
