import { defineAction } from '../../shared/action';
import { getGridEntry, removeGridEntry, saveGridEntry } from '../../shared/data/liaisonGrid';
import { target } from '../../shared/target';

/** Staff take a member out of a group in their subtree; a group left with nobody goes too. */
export default defineAction({
  name: 'liaison.gridRemove',
  roles: ['staff', 'admin'],
  mutates: true,
  // A group already gone is nothing to remove (answered, not refused): a retry after it emptied.
  target: target({
    load: ({ id }: { id: string }) => getGridEntry(id),
    may: { staffInScope: (entry) => entry?.unitPath ?? null },
    refuse: '该联系组不在您的管辖范围内',
  }),
  async handler({ id, memberId }, ctx, { doc: before }) {
    if (!before?.memberIds.includes(memberId)) return { removed: false };
    const after = {
      ...before,
      memberIds: before.memberIds.filter((m) => m !== memberId),
      members: before.members.filter((m) => m.userId !== memberId),
    };
    if (after.memberIds.length) await saveGridEntry(after, before);
    else await removeGridEntry(id);
    ctx.audit(`liaison_grid/${id}`, before, after.memberIds.length ? after : null);
    return { removed: true };
  },
});
