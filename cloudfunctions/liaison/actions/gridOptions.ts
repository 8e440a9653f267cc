import { defineAction } from '../../shared/action';
import { gridChoices } from '../domain/gridAdmin';

/** Staff: the special committees and sectors of their subtree that a group can be made for. */
export default defineAction({
  name: 'liaison.gridOptions',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    return { groups: await gridChoices(await ctx.scopeUnitId()) };
  },
});
