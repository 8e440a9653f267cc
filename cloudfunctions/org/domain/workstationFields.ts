import type { ActionParsed, User, Workstation } from '@lxq/types';
import { invalid } from '../../shared/errors';
import { checkFiles } from '../../shared/files';
import { getUsersByIds } from '../../shared/data/users';

type Fields = Omit<ActionParsed<'org.createWorkstation'>, 'unitId'>;

/**
 * The editable part of a workstation, its members checked to be members of the unit's subtree and
 * a new photo checked to be one the editor uploaded (the one already on the station stays valid).
 */
export async function workstationPatch(
  input: Fields,
  unitPath: string[],
  openid: string,
  before?: Workstation,
): Promise<Partial<Workstation>> {
  const photo = input.photo ?? before?.photo ?? '';
  if (photo && photo !== before?.photo) {
    await checkFiles(openid, 'workstations', [{ fileID: photo, field: 'photo', kind: 'image', label: '照片' }]);
  }
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
    phone: input.phone ?? before?.phone ?? '',
    photo,
    memberIds,
  };
}
