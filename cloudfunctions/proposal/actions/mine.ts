import { defineAction } from '../../shared/action';
import { proposalsCosignedBy, proposalsOf } from '../../shared/data/proposals';
import { toRow } from '../domain/view';

/** 我的提案: the member's own (drafts too) and the invitations to co-sign. 3 round trips. */
export default defineAction({
  name: 'proposal.mine',
  roles: ['member'],
  mutates: false,
  async handler(_input, ctx) {
    const [own, cosigning] = await Promise.all([proposalsOf(ctx.openid, 50), proposalsCosignedBy(ctx.openid, 50)]);
    return {
      own: own.map((p) => toRow(p)),
      // A co-signer sees the draft they are asked to sign, not one the proposer took them off.
      cosigning: cosigning.map((p) => toRow(p, ctx.openid)),
    };
  },
});
