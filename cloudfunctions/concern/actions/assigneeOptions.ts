import { defineAction } from '../../shared/action';
import { assigneeOptions } from '../assignees';
import { concernUnit, theConcern } from '../load';

export default defineAction({
  name: 'concern.assigneeOptions',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: concernUnit,
  async handler({ kind }, ctx) {
    return { items: await assigneeOptions(theConcern(ctx), kind, ctx.now) };
  },
});
