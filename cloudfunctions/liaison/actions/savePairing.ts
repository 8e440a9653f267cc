import { MAX_PAIRINGS, type LiaisonPairing } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { saveProfile } from '../../shared/data/liaisonProfiles';
import { invalid, notFound } from '../../shared/errors';
import { profileOf } from '../domain/profile';

/** Adds a pairing (结对帮扶) with a family or unit, or edits one (by id). */
export default defineAction({
  name: 'liaison.savePairing',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler({ id, ...fields }, ctx) {
    const user = await ctx.user();
    const { before, profile } = await profileOf(user);
    const old = id ? profile.pairings.find((p) => p.id === id) : null;
    if (id && !old) throw notFound('结对对象不存在或已被删除');
    if (!id && profile.pairings.length >= MAX_PAIRINGS) throw invalid({ name: `结对对象最多 ${MAX_PAIRINGS} 个` });
    const pairing: LiaisonPairing = { id: id ?? ctx.newId('pairing').slice(0, 12), ...fields };
    const pairings = old ? profile.pairings.map((p) => (p.id === id ? pairing : p)) : [...profile.pairings, pairing];
    await saveProfile(before, { ...profile, pairings, updatedAt: ctx.now }, ctx.newId('profile'));
    ctx.audit(`liaison_profiles/${user._id}/pairings/${pairing.id}`, old ?? null, pairing);
    return { id: pairing.id };
  },
});
