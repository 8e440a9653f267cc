import { defineAction } from '../../shared/action';
import { assigneeOptions } from '../domain/assignees';
import { staffConcern } from '../domain/load';

export default defineAction({
  name: 'concern.assigneeOptions',
  roles: ['staff', 'admin'],
  mutates: false,
  target: staffConcern,
  async handler({ kind }, ctx, { doc: concern }) {
    return { items: await assigneeOptions(concern, kind, ctx.now) };
  },
});
