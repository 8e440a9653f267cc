import type { Committee } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getCommittee, listCommitteesOfUnits, saveCommittee } from '../../shared/data/committees';
import { listSectors } from '../../shared/data/sectors';
import { getWorkstationsByIds } from '../../shared/data/workstations';
import { AppError, invalid, notFound } from '../../shared/errors';
import { memberOfUnit } from '../domain/people';
import { openUnit, unitPathOf } from '../domain/units';

/** Adds a special committee (专委会) or changes its name, director, sectors and workstations. */
export default defineAction({
  name: 'admin.saveCommittee',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    const [existing, others, sectors, stations] = await Promise.all([
      input.committeeId ? getCommittee(input.committeeId) : Promise.resolve(null),
      listCommitteesOfUnits([unit._id]),
      listSectors(unit._id),
      getWorkstationsByIds(input.workstationIds),
    ]);
    if (input.committeeId && (!existing || existing.unitId !== unit._id))
      throw notFound('该专委会不存在或不属于本单位');
    const _id = existing?._id ?? ctx.newId('committee');
    // A new committee this very request stored before it died is not another of the same name.
    if (others.some((c) => c.name === input.name && c._id !== _id)) {
      throw new AppError('CONFLICT', `本单位已有「${input.name}」`, { name: '已有同名专委会' });
    }
    const sectorIds = new Set(sectors.map((s) => s._id));
    if (input.sectorIds.some((id) => !sectorIds.has(id))) throw invalid({ sectorIds: '只能关联本单位的界别' });
    const inUnit = new Set(stations.filter((w) => w.unitPath.includes(unit._id)).map((w) => w._id));
    if (input.workstationIds.some((id) => !inUnit.has(id))) {
      throw invalid({ workstationIds: '只能关联本单位及下级单位的工作站' });
    }
    const director = await memberOfUnit(input.directorId, unit._id, 'directorId', '主任');
    const committee: Committee = {
      _id,
      unitId: unit._id,
      name: input.name,
      directorId: input.directorId === undefined ? (existing?.directorId ?? null) : (director?._id ?? null),
      sectorIds: [...new Set(input.sectorIds)],
      workstationIds: [...new Set(input.workstationIds)],
    };
    await saveCommittee(committee);
    ctx.audit(`committees/${committee._id}`, existing, committee, unit.path);
    return { _id: committee._id };
  },
});
