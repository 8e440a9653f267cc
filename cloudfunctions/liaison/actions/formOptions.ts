import { defineAction } from '../../shared/action';
import { recentOfMember } from '../../shared/data/liaisonRecords';
import { getUnitsByIds } from '../../shared/data/units';
import { effectiveLists } from '../../shared/unitLists';
import { profileOf } from '../domain/profile';

/** What the record form starts from, so a typical record takes a few taps. */
export default defineAction({
  name: 'liaison.formOptions',
  roles: ['member'],
  mutates: false,
  async handler(_input, ctx) {
    const user = await ctx.user();
    const [{ profile }, recent, units] = await Promise.all([
      profileOf(user),
      recentOfMember(user._id, 30),
      getUnitsByIds(user.unitPath),
    ]);
    const lists = effectiveLists([...units.values()], user.unitPath);
    const known = new Set(profile.contacts.map((c) => c.id));
    return {
      base: profile.base,
      // The member's own contacts: the phone is theirs to see.
      contacts: profile.contacts,
      pairings: profile.pairings,
      recentPlaces: unique(recent.map((r) => r.place)).slice(0, 8),
      recentContactIds: unique(recent.flatMap((r) => r.contactIds)).filter((id) => known.has(id)),
      lastChannel: recent[0]?.channel ?? null,
      occasions: lists.occasions,
      categories: lists.categories,
    };
  },
});

const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];
