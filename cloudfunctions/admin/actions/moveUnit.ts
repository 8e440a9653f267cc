import { defineAction } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { getUnit, listSubtree, updateUnit } from '../../shared/data/units';
import { pageAccounts } from '../../shared/data/users';
import { pageWorkstations } from '../../shared/data/workstations';
import { forbidden, invalid, invalidState } from '../../shared/errors';
import { CHILD_LEVEL, LEVEL_LABELS, openUnit, refuseRetired, unitPathOf } from '../domain/units';

/**
 * Moves a unit (and the units below it) under another parent of the level above it. People,
 * workstations and everything filed under them carry their unit's path, so a unit that already
 * has any is not moved: its history would be filed under two places.
 */
export default defineAction({
  name: 'admin.moveUnit',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    const parent = await getUnit(input.parentId);
    refuseRetired(parent);
    if (!mayAct(await ctx.caller(), ['admin'], parent.path)) throw forbidden('新的上级单位不在您的管辖范围内');
    if (unit._id === (await ctx.scopeUnitId())) throw forbidden('不能调整您本人所在单位的上级');
    if (parent.path.includes(unit._id)) throw invalid({ parentId: '不能移到本单位或其下级单位之下' });
    if (CHILD_LEVEL[parent.level] !== unit.level) {
      throw invalid({ parentId: `${LEVEL_LABELS[unit.level]}单位只能放在${parentLevelLabel(unit.level)}单位之下` });
    }
    if (unit.parentId === parent._id) return { _id: unit._id };
    const [people, stations] = await Promise.all([pageAccounts(unit._id, {}, 1, 1), pageWorkstations(unit._id, 1, 1)]);
    if (people.total || stations.total) {
      throw invalidState(
        `「${unit.name}」已有 ${people.total} 个账号、${stations.total} 个工作站，其记录归属于原上级，不能调整；请新建单位后再迁移人员`,
      );
    }
    const subtree = await listSubtree(unit._id);
    const cut = unit.path.length - 1;
    for (const u of subtree) {
      await updateUnit(u, {
        path: [...parent.path, ...u.path.slice(cut)],
        ...(u._id === unit._id ? { parentId: parent._id } : {}),
      });
    }
    ctx.audit(`org_units/${unit._id}`, { parentId: unit.parentId }, { parentId: parent._id }, [
      ...parent.path,
      unit._id,
    ]);
    return { _id: unit._id };
  },
});

function parentLevelLabel(level: keyof typeof LEVEL_LABELS) {
  const above = (Object.keys(CHILD_LEVEL) as (keyof typeof CHILD_LEVEL)[]).find((l) => CHILD_LEVEL[l] === level);
  return above ? LEVEL_LABELS[above] : '更高一级';
}
