import { defineAction } from '../../shared/action';
import { saveProfile } from '../../shared/data/liaisonProfiles';
import { profileOf } from '../domain/profile';

/** Sets the member's one base unit (联系点). */
export default defineAction({
  name: 'liaison.saveBase',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler(base, ctx) {
    const user = await ctx.user();
    const change = ctx.newId('profile');
    const { before, profile } = await profileOf(user, change);
    await saveProfile(before, { ...profile, base, updatedAt: ctx.now }, change);
    ctx.audit(`liaison_profiles/${user._id}/base`, profile.base, base);
    return { saved: true as const };
  },
});
