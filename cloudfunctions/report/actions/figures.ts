import { defineAction } from '../../shared/action';
import { loadFigures } from '../domain/loadFigures';

/** The year's figures of the caller's subtree, for the desk's list page. */
export default defineAction({
  name: 'report.figures',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ year }, ctx) {
    return loadFigures(await ctx.scopeUnitId(), year);
  },
});
