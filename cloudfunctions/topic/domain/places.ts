import type { User } from '@lxq/types';
import { getUsersByIds } from '../../shared/data/users';
import { workstationsByIds } from '../../shared/data/workstations';
import { invalid } from '../../shared/errors';

/** The workstations named exist and lie in the unit's subtree: one read for all of them. */
export async function checkStations(ids: string[], unitId: string): Promise<void> {
  if (!ids.length) return;
  const found = await workstationsByIds(ids);
  const bad = ids.findIndex((id) => !found.get(id)?.unitPath.includes(unitId));
  if (bad >= 0) throw invalid({ [`workstationIds.${bad}`]: '所选工作站不存在或不在本单位' });
}

/** The people named as responsible are users of the unit's subtree. */
export async function responsibleUsers(ids: string[], unitId: string): Promise<User[]> {
  if (!ids.length) return [];
  const users = await getUsersByIds(ids);
  const byId = new Map(users.map((u) => [u._id, u]));
  const bad = ids.findIndex((id) => {
    const u = byId.get(id);
    return !u || !(u.staffUnitPath ?? u.unitPath).includes(unitId);
  });
  if (bad >= 0) throw invalid({ [`responsibleIds.${bad}`]: '所选负责人不存在或不在本单位' });
  return ids.map((id) => byId.get(id)!);
}
