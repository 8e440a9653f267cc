import type { LiaisonProfile, User } from '@lxq/types';
import { getProfile } from '../../shared/data/liaisonProfiles';

/** The member's set-up as stored, or an empty one for a member who has none yet. */
export async function profileOf(user: User): Promise<{ before: LiaisonProfile | null; profile: LiaisonProfile }> {
  const before = await getProfile(user._id);
  const profile: LiaisonProfile = before ?? {
    _id: user._id,
    unitPath: user.unitPath,
    base: null,
    contacts: [],
    pairings: [],
    version: 0,
    updatedAt: new Date(0),
  };
  return { before, profile };
}
