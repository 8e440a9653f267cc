import { MAX_CONTACTS, type LiaisonContact } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { saveProfile } from '../../shared/data/liaisonProfiles';
import { invalid, notFound } from '../../shared/errors';
import { profileOf } from '../domain/profile';

/** Adds a sector contact, or edits one (by id). */
export default defineAction({
  name: 'liaison.saveContact',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler({ id, ...fields }, ctx) {
    const user = await ctx.user();
    const { before, profile } = await profileOf(user);
    const old = id ? profile.contacts.find((c) => c.id === id) : null;
    if (id && !old) throw notFound('联系人不存在或已被删除');
    if (!id && profile.contacts.length >= MAX_CONTACTS) {
      throw invalid({ name: `联系人最多 ${MAX_CONTACTS} 位，请先删除不再联系的` });
    }
    const contact: LiaisonContact = { id: id ?? ctx.newId('contact').slice(0, 12), ...fields };
    const contacts = old ? profile.contacts.map((c) => (c.id === id ? contact : c)) : [...profile.contacts, contact];
    await saveProfile(before, { ...profile, contacts, updatedAt: ctx.now }, ctx.newId('profile'));
    ctx.audit(`liaison_profiles/${user._id}/contacts/${contact.id}`, old ?? null, contact);
    return { id: contact.id };
  },
});
