import { defineAction } from '../../shared/action';
import { saveProfile } from '../../shared/data/liaisonProfiles';
import { profileOf } from '../domain/profile';

/** Removes a contact; records that named them keep the name they were logged with. */
export default defineAction({
  name: 'liaison.removeContact',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler({ id }, ctx) {
    const user = await ctx.user();
    const { before, profile } = await profileOf(user);
    const old = profile.contacts.find((c) => c.id === id);
    if (!old) return { removed: false };
    await saveProfile(
      before,
      {
        ...profile,
        contacts: profile.contacts.filter((c) => c.id !== id),
        updatedAt: ctx.now,
      },
      ctx.newId('profile'),
    );
    ctx.audit(`liaison_profiles/${user._id}/contacts/${id}`, old, null);
    return { removed: true };
  },
});
