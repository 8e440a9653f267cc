import type { Sector } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getSector, listSectors, saveSector } from '../../shared/data/sectors';
import { AppError, notFound } from '../../shared/errors';
import { memberOfUnit } from '../domain/people';
import { openUnit, unitPathOf } from '../domain/units';

/** Adds a sector (界别) to a unit, or renames it / changes its convener. */
export default defineAction({
  name: 'admin.saveSector',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    const [existing, listed] = await Promise.all([
      input.sectorId ? getSector(input.sectorId) : Promise.resolve(null),
      listSectors(unit._id),
    ]);
    const _id = existing?._id ?? ctx.newId('sector');
    // A new sector this very request stored before it died is not another one.
    const all = listed.filter((s) => s._id === existing?._id || s._id !== _id);
    if (input.sectorId && (!existing || existing.unitId !== unit._id)) throw notFound('该界别不存在或不属于本单位');
    if (all.some((s) => s.name === input.name && s._id !== existing?._id)) {
      throw new AppError('CONFLICT', `本单位已有「${input.name}」界别`, { name: '已有同名界别' });
    }
    const convener = await memberOfUnit(input.convenerId, unit._id, 'convenerId', '召集人');
    const sector: Sector = {
      _id,
      unitId: unit._id,
      name: input.name,
      order: existing?.order ?? all.reduce((max, s) => Math.max(max, s.order + 1), 0),
      convenerId: input.convenerId === undefined ? (existing?.convenerId ?? null) : (convener?._id ?? null),
    };
    await saveSector(sector);
    ctx.audit(`sectors/${sector._id}`, existing, sector, unit.path);
    return { _id: sector._id };
  },
});
