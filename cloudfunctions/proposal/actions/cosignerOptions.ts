import { defineAction } from '../../shared/action';
import { getSectorsByIds } from '../../shared/data/sectors';
import { findMembersByName } from '../../shared/data/users';

/** Members of the caller's committee body whose name starts with `q`: the co-signer picker. 3 round trips. */
export default defineAction({
  name: 'proposal.cosignerOptions',
  roles: ['member'],
  mutates: false,
  async handler({ q }, ctx) {
    const user = await ctx.user();
    const found = (await findMembersByName(user.unitId, q, 30)).filter((u) => u._id !== user._id);
    const sectors = await getSectorsByIds(found.map((u) => u.sectorId ?? '').filter(Boolean));
    return found.map((u) => ({ _id: u._id, name: u.name, sectorName: sectors.get(u.sectorId ?? '')?.name ?? null }));
  },
});
