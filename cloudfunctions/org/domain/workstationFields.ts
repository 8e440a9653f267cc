import type { ActionParsed, User, Workstation } from '@lxq/types';
import { invalid } from '../../shared/errors';
import { getUsersByIds } from '../../shared/data/users';

type Fields = Omit<ActionParsed<'org.createWorkstation'>, 'unitId'>;

/** The editable part of a workstation, its members checked to be members of the unit's subtree. */
export async function workstationPatch(input: Fields, unitPath: string[]): Promise<Partial<Workstation>> {
  const memberIds = [...new Set(input.memberIds)];
  const found: User[] = await getUsersByIds(memberIds);
  const ok = found.filter((u) => u.roles.includes('member') && u.unitPath.includes(unitPath[unitPath.length - 1]));
  if (ok.length !== memberIds.length) throw invalid({ memberIds: '所选委员不存在或不属于本单位' });
  return {
    name: input.name,
    kind: input.kind,
    address: input.address,
    location: { lat: input.location.lat, lng: input.location.lng },
    radius: input.radius,
    openingHours: input.openingHours,
    headName: input.headName,
    memberIds,
  };
}
