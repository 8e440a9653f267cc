import type { User } from '@lxq/types';
import { getUser } from '../../shared/data/users';
import { invalid } from '../../shared/errors';

/** A convener or director: a member of the unit (or below it), or none. */
export async function memberOfUnit(userId: string | null | undefined, unitId: string, field: string, label: string) {
  if (!userId) return null;
  const user: User | null = await getUser(userId);
  if (!user || !user.unitPath.includes(unitId) || !user.roles.includes('member')) {
    throw invalid({ [field]: `${label}应为本单位的委员` });
  }
  return user;
}
