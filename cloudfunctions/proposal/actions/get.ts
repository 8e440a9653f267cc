import { defineAction } from '../../shared/action';
import { visibleProposal } from '../domain/load';
import { toView } from '../domain/view';

/** One proposal for its proposer, a co-signer, or staff in scope; internal notes for staff only. */
export default defineAction({
  name: 'proposal.get',
  // Open at the door: the target admits the proposer and co-signers by openid (no user loaded), staff in scope.
  roles: ['citizen'],
  mutates: false,
  target: visibleProposal,
  async handler(_input, _ctx, { doc, as }) {
    return toView(doc, as === 'submitter' ? 'proposer' : as === 'partner' ? 'cosigner' : 'staff');
  },
});
