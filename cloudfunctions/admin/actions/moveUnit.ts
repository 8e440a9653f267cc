import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { getUnit } from '../../shared/data/units';
import { startMove, unitsMoving } from '../../shared/data/repath';
import { alreadyChanged } from '../../shared/rewind';
import { forbidden, invalid, invalidState } from '../../shared/errors';
import { kickRepath } from '../domain/kick';
import { newMove, runRepath } from '../domain/repath';
import { CHILD_LEVEL, LEVEL_LABELS, openUnit, refuseRetired, unitPathOf } from '../domain/units';

/** What this call spends re-pathing before it answers; the rest runs on in chained runs. */
const MOVE_BUDGET_MS = 4_000;

/**
 * Moves a unit (and the units below it) under another parent of the level above it. People,
 * workstations and everything filed under them carry their unit's path: the move is recorded on
 * the unit, then those records are re-pathed in pages (domain/repath.ts); while that runs the
 * unit shows 迁移中 and is not moved again. A retry after a crash finds its own move under way
 * and carries it on.
 */
export default defineAction({
  name: 'admin.moveUnit',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    if (unit.moving) {
      // The same move asked again while it runs (this request's own retry sees the unit as first found).
      if (unit.parentId !== input.parentId) throw invalidState(`「${unit.name}」正在迁移中，完成后才能再调整上级单位`);
      const from = unit.moving.fromParentPath;
      ctx.audit(`org_units/${unit._id}`, { parentId: from[from.length - 1] }, { parentId: unit.parentId }, unit.path);
      await carryOn(unit._id);
      return { _id: unit._id };
    }
    const parent = await getUnit(input.parentId);
    refuseRetired(parent);
    if (!mayAct(await ctx.caller(), ['admin'], parent.path)) throw forbidden('新的上级单位不在您的管辖范围内');
    if (unit._id === (await ctx.scopeUnitId())) throw forbidden('不能调整您本人所在单位的上级');
    if (parent.path.includes(unit._id)) throw invalid({ parentId: '不能移到本单位或其下级单位之下' });
    if (CHILD_LEVEL[parent.level] !== unit.level) {
      throw invalid({ parentId: `${LEVEL_LABELS[unit.level]}单位只能放在${parentLevelLabel(unit.level)}单位之下` });
    }
    if (unit.parentId === parent._id) return { _id: unit._id };
    const me = await ctx.user();
    const move = newMove(unit, parent, me.name, ctx.now);
    // Paths below or above a unit under way are being rewritten: one move at a time along a branch.
    const busy = (await unitsMoving(100)).find(
      (m) =>
        m._id !== unit._id && (m.path.includes(unit._id) || unit.path.includes(m._id) || parent.path.includes(m._id)),
    );
    if (busy) throw invalidState(`「${busy.name}」正在迁移中，完成后才能调整「${unit.name}」的上级单位`);
    // A retry of this very request after its move was recorded (the unit is seen as first found).
    const started = alreadyChanged(unit) || (await startMove(unit, parent._id, [...parent.path, unit._id], move));
    if (!started) {
      throw invalidState(`「${unit.name}」正在迁移中，完成后才能再调整上级单位`);
    }
    ctx.audit(`org_units/${unit._id}`, { parentId: unit.parentId }, { parentId: parent._id }, [
      ...parent.path,
      unit._id,
    ]);
    await carryOn(unit._id);
    return { _id: unit._id };
  },
});

/**
 * Re-paths what fits in this call and kicks the next run when work is left. The answer does not
 * say which: a retry may find the work done by a chained run, and the tree shows the progress.
 */
async function carryOn(unitId: string): Promise<void> {
  try {
    if ((await runRepath(unitId, MOVE_BUDGET_MS)) === 'done') return;
  } catch (err) {
    // The move is recorded: the chained runs and the minute timer finish it.
    console.error('[admin] 迁移中断，将由后续运行继续', err);
  }
  await kickRepath();
}

function parentLevelLabel(level: keyof typeof LEVEL_LABELS) {
  const above = (Object.keys(CHILD_LEVEL) as (keyof typeof CHILD_LEVEL)[]).find((l) => CHILD_LEVEL[l] === level);
  return above ? LEVEL_LABELS[above] : '更高一级';
}
