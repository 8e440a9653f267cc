import type { ConcernCounter, LiaisonProfile, LiaisonRecord, OrgUnit } from '@lxq/types';
import { LIAISON_BACKDATE_DAYS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { checkContent } from '../../shared/concerns/content';
import { checkCategory } from '../../shared/concerns/create';
import { getProfile, getProfileWithBucket } from '../../shared/data/liaisonProfiles';
import { insertRecord } from '../../shared/data/liaisonRecords';
import { invalid, isDuplicateKey } from '../../shared/errors';
import { addDays } from '../../shared/time';
import { effectiveLists, occasionRefusal } from '../../shared/unitLists';
import { RECORD_AHEAD_MS } from '../domain/filters';
import { chinaInstant } from '../domain/period';
import { raisedBucketId, storeRaised } from '../domain/raised';

/**
 * A member logs a liaison activity; each concern raised in it goes into the concerns workflow
 * with the member as its source. Ids come from the request, so a retry stores nothing twice.
 * Round trips: the caller; one read (the profile, joined with the concerns' bucket and the units'
 * lists when concerns or an occasion are given; none when neither contacts, a pairing, an occasion
 * nor concerns are given); the record; when
 * concerns are raised, all of them in one insert and one count; the audit entry.
 */
export default defineAction({
  name: 'liaison.log',
  roles: ['member'],
  mutates: true,
  retrySafe: true,
  async handler(input, ctx) {
    const user = await ctx.user();
    const date = chinaInstant(input.date, input.time);
    if (date.getTime() > ctx.now.getTime() + RECORD_AHEAD_MS) throw invalid({ date: '联系日期不能晚于现在' });
    if (date < addDays(ctx.now, -LIAISON_BACKDATE_DAYS)) throw invalid({ date: '只能补记一年内的联系活动' });

    const needsProfile = input.contactIds.length > 0 || !!input.pairingId;
    let profile: Pick<LiaisonProfile, 'contacts' | 'pairings'> | null = null;
    let bucket: ConcernCounter | null = null;
    let units: OrgUnit[] = [];
    if (input.concerns.length || input.occasion) {
      ({ profile, bucket, units } = await getProfileWithBucket(user._id, raisedBucketId(user)));
    } else if (needsProfile) profile = await getProfile(user._id);
    // The unit's own lists (issue 17): the occasion, and the categories the concerns go under.
    const lists = effectiveLists(units, user.unitPath);
    if (input.occasion && !lists.occasions.some((o) => o.value === input.occasion)) {
      throw invalid({ occasion: occasionRefusal });
    }
    input.concerns.forEach((c, i) =>
      checkCategory(bucket ?? { categories: lists.categories }, c.category, `concerns.${i}.category`),
    );
    profile ??= { contacts: [], pairings: [] };
    const contacts = input.contactIds.map((id) => profile.contacts.find((c) => c.id === id));
    if (contacts.some((c) => !c)) throw invalid({ contactIds: '所选联系人已被删除，请重新选择' });
    const pairing = input.pairingId ? profile.pairings.find((p) => p.id === input.pairingId) : null;
    if (input.pairingId && !pairing) throw invalid({ pairingId: '所选结对对象已被删除，请重新选择' });

    // Everything is checked before anything is stored, so a risky concern leaves no record behind.
    const { mediaChecks } = await checkContent(ctx.openid, {
      text: `${input.place}\n${input.summary}`,
      textField: 'summary',
      photos: input.photos,
      photosFolder: 'liaison',
    });
    const verdicts = await Promise.all(
      input.concerns.map((c, i) =>
        checkContent(ctx.openid, { text: `${c.title}\n${c.text}`, textField: `concerns.${i}.text` }),
      ),
    );

    const record: LiaisonRecord = {
      _id: ctx.newId('record'),
      memberId: user._id,
      memberName: user.name,
      unitId: user.unitId,
      unitPath: user.unitPath,
      sectorId: user.sectorId ?? null,
      date,
      channel: input.channel,
      occasion: input.occasion,
      place: input.place,
      groups: input.groups,
      personTimes: input.personTimes,
      services: input.services,
      summary: input.summary,
      photos: input.photos,
      contactIds: input.contactIds,
      contactNames: contacts.map((c) => c!.name),
      pairingId: pairing?.id ?? null,
      pairingName: pairing?.name ?? '',
      concernIds: input.concerns.map((_, i) => ctx.newId(`concern:${i}`)),
      ...(mediaChecks.length ? { mediaChecks } : {}),
      createdAt: ctx.now,
    };
    // A retry after a partial failure finds its own record (same id) and goes on with the rest.
    await insertRecord(record).catch(ignoreDuplicate);
    await storeRaised(
      input.concerns.map((c, i) => ({ ...c, needsReview: verdicts[i].needsReview })),
      record.concernIds,
      bucket,
      {
        user,
        openid: ctx.openid,
        now: ctx.now,
        consentNote: `来自委员联系记录：${input.date} ${input.place}`,
      },
    );
    ctx.audit(`liaison_records/${record._id}`, null, record);
    return { _id: record._id, concernIds: record.concernIds };
  },
});

function ignoreDuplicate(err: unknown) {
  if (!isDuplicateKey(err)) throw err;
  return null;
}
