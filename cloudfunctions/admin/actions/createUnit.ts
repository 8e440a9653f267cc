import type { OrgUnit } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getUnit, insertUnit, listSubtree } from '../../shared/data/units';
import { AppError, invalid } from '../../shared/errors';
import { CHILD_LEVEL, openUnit } from '../domain/units';

export default defineAction({
  name: 'admin.createUnit',
  roles: ['admin'],
  mutates: true,
  unitOf: async (input) => (await getUnit(input.parentId)).path,
  async handler(input, ctx) {
    const parent = await openUnit(input.parentId);
    const level = CHILD_LEVEL[parent.level];
    if (!level) throw invalid({ parentId: '县级单位下不能再设下级单位' });
    const _id = ctx.newId('unit');
    // The unit this very request stored before it died is not another of the same name.
    const siblings = (await listSubtree(parent._id)).filter((u) => u.parentId === parent._id && u._id !== _id);
    if (siblings.some((u) => u.name === input.name)) {
      throw new AppError('CONFLICT', `「${parent.name}」下已有名为「${input.name}」的单位`, { name: '已有同名单位' });
    }
    const unit: OrgUnit = { _id, name: input.name, level, parentId: parent._id, path: [...parent.path, _id] };
    await insertUnit(unit);
    ctx.audit(`org_units/${_id}`, null, unit, unit.path);
    return { _id };
  },
});
