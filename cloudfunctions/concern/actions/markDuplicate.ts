import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { changeConcern } from '../../shared/concerns/change';
import { isOverdue } from '../../shared/concerns/deadlines';
import { getConcern } from '../../shared/data/concerns';
import { invalid } from '../../shared/errors';
import { actor, staffConcern } from '../domain/load';

/** Merged into an earlier concern about the same thing: the submitter follows the original. */
export default defineAction({
  name: 'concern.markDuplicate',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffConcern,
  async handler({ id, originalId, note }, ctx, { doc: concern }) {
    const original = originalId === id ? null : await getConcern(originalId);
    if (!original || !mayAct(await ctx.caller(), ['staff', 'admin'], original.unitPath)) {
      throw invalid({ originalId: '请选择本单位范围内的另一条诉求' });
    }
    if (original.status === 'duplicate' || original.status === 'rejected') {
      throw invalid({ originalId: '原诉求本身已合并或不予受理，请选择其他诉求' });
    }
    const { after } = await changeConcern({
      concern,
      action: 'duplicate',
      by: await actor(ctx),
      now: ctx.now,
      note: note || `与「${original.title}」为同一事项，合并办理`,
      set: { duplicateOf: original._id },
      tell: { note: `已与「${original.title}」合并办理` },
      figures: { answered: 1, onTime: isOverdue(concern.dueAt, ctx.now) ? 0 : 1 },
    });
    ctx.audit(`concerns/${id}`, { status: concern.status }, { status: after.status, duplicateOf: original._id });
    return { status: after.status };
  },
});
