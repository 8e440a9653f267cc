import type { LiaisonProfile, User } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { getProfile, saveProfile } from '../../shared/data/liaisonProfiles';
import { invalid, notFound } from '../../shared/errors';

/**
 * The member's set-up as stored (`before`), and as the change of request tag `change` starts
 * from (`profile`): an empty one for a member who has none yet, and what it was before that
 * change when a retry finds the change already stored (resume.ts), so the retry audits and
 * answers as the first call did.
 */
export async function profileOf(
  user: User,
  change?: string,
): Promise<{ before: LiaisonProfile | null; profile: LiaisonProfile }> {
  const before = await getProfile(user._id);
  const empty: LiaisonProfile = {
    _id: user._id,
    unitPath: user.unitPath,
    base: null,
    contacts: [],
    pairings: [],
    version: 0,
    updatedAt: new Date(0),
  };
  const last = before?.lastChange;
  if (!before || !change || last?.mark !== change) return { before, profile: before ?? empty };
  return { before, profile: last.before ? { ...before, ...last.before } : empty };
}

type ProfileList = 'contacts' | 'pairings';
type Item<L extends ProfileList> = LiaisonProfile[L][number];

/**
 * Adds an item to one of the member's lists (contacts, pairings), or replaces it by id, and
 * audits it. `full` is the field message when a new item would pass `max`.
 */
export async function saveProfileItem<L extends ProfileList>(
  ctx: ActionContext,
  list: L,
  id: string | undefined,
  fields: Omit<Item<L>, 'id'>,
  rules: { max: number; full: string; missing: string },
): Promise<{ id: string }> {
  const user = await ctx.user();
  const change = ctx.newId('profile');
  const { before, profile } = await profileOf(user, change);
  const items = profile[list] as Item<L>[];
  const old = id ? items.find((x) => x.id === id) : null;
  if (id && !old) throw notFound(rules.missing);
  if (!id && items.length >= rules.max) throw invalid({ name: rules.full });
  const item = { id: id ?? ctx.newId(list.slice(0, -1)).slice(0, 12), ...fields } as Item<L>;
  const next = old ? items.map((x) => (x.id === id ? item : x)) : [...items, item];
  await saveProfile(before, { ...profile, [list]: next, updatedAt: ctx.now }, change);
  ctx.audit(`liaison_profiles/${user._id}/${list}/${item.id}`, old ?? null, item);
  return { id: item.id };
}

/** Removes an item from one of the member's lists; records that named it keep their copy. */
export async function removeProfileItem(ctx: ActionContext, list: ProfileList, id: string) {
  const user = await ctx.user();
  const change = ctx.newId('profile');
  const { before, profile } = await profileOf(user, change);
  const items = profile[list] as { id: string }[];
  const old = items.find((x) => x.id === id);
  if (!old) return { removed: false };
  const next = items.filter((x) => x.id !== id);
  await saveProfile(before, { ...profile, [list]: next, updatedAt: ctx.now }, change);
  ctx.audit(`liaison_profiles/${user._id}/${list}/${id}`, old, null);
  return { removed: true };
}
