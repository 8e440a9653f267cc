import { defineAction } from '../../shared/action';
import { saveProfile } from '../../shared/data/liaisonProfiles';
import { profileOf } from '../domain/profile';

/** Ends a pairing; its records stay, under the name they were logged with. */
export default defineAction({
  name: 'liaison.removePairing',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler({ id }, ctx) {
    const user = await ctx.user();
    const { before, profile } = await profileOf(user);
    const old = profile.pairings.find((p) => p.id === id);
    if (!old) return { removed: false };
    await saveProfile(
      before,
      {
        ...profile,
        pairings: profile.pairings.filter((p) => p.id !== id),
        updatedAt: ctx.now,
      },
      ctx.newId('profile'),
    );
    ctx.audit(`liaison_profiles/${user._id}/pairings/${id}`, old, null);
    return { removed: true };
  },
});
