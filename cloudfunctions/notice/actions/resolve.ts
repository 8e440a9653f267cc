import { defineAction } from '../../shared/action';
import { resolveRecipients } from '../domain/delivery/resolve';

/** Shows who a choice of targets reaches, with the count, before anything is sent. */
export default defineAction({
  name: 'notice.resolve',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ targets }, ctx) {
    const { users, targets: each, sectorNames } = await resolveRecipients(await ctx.scopeUnitId(), targets);
    return {
      count: users.length,
      targets: each,
      sample: users.slice(0, 30).map((u) => ({ name: u.name, note: sectorNames.get(u.sectorId ?? '') ?? '' })),
    };
  },
});
