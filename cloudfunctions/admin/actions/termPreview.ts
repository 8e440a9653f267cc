import { defineAction } from '../../shared/action';
import { termMembers } from '../../shared/data/users';
import { unitPathOf } from '../domain/units';

/** How many members 换届 would end, for the confirmation (the unit's own members only). */
export default defineAction({
  name: 'admin.termPreview',
  roles: ['admin'],
  mutates: false,
  unitOf: unitPathOf,
  async handler({ unitId }) {
    const members = await termMembers(unitId);
    return { count: members.length, names: members.slice(0, 20).map((m) => m.name) };
  },
});
