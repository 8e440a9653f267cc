import { defineAction } from '../../shared/action';
import { pageOfMember } from '../../shared/data/liaisonRecords';
import { recordViews } from '../domain/views';

/** The member's own records, newest first; optionally those of one pairing. */
export default defineAction({
  name: 'liaison.mine',
  roles: ['member'],
  mutates: false,
  async handler({ page, pageSize, pairingId }, ctx) {
    const user = await ctx.user();
    const { items, total } = await pageOfMember(user._id, pairingId, page, pageSize);
    return { items: await recordViews(items), total, page, pageSize };
  },
});
