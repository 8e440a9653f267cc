import { defineAction } from '../../shared/action';
import { listSubtree, updateUnit } from '../../shared/data/units';
import { AppError } from '../../shared/errors';
import { openUnit, unitPathOf } from '../domain/units';

export default defineAction({
  name: 'admin.renameUnit',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    if (unit.name === input.name) return { _id: unit._id };
    if (unit.parentId) {
      const siblings = (await listSubtree(unit.parentId)).filter((u) => u.parentId === unit.parentId);
      if (siblings.some((u) => u._id !== unit._id && u.name === input.name)) {
        throw new AppError('CONFLICT', `同级已有名为「${input.name}」的单位`, { name: '已有同名单位' });
      }
    }
    await updateUnit(unit, { name: input.name });
    ctx.audit(`org_units/${unit._id}`, { name: unit.name }, { name: input.name });
    return { _id: unit._id };
  },
});
