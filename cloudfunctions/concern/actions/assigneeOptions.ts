import { defineAction } from '../../shared/action';
import { assigneeOptions } from '../domain/assignees';
import { concernUnit, theConcern } from '../domain/load';

export default defineAction({
  name: 'concern.assigneeOptions',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: concernUnit,
  async handler({ kind }, ctx) {
    return { items: await assigneeOptions(theConcern(ctx), kind) };
  },
});
