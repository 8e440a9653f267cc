import type { LiaisonRecord } from '@lxq/types';
import { LIAISON_BACKDATE_DAYS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { checkContent } from '../../shared/concerns/content';
import { createConcern } from '../../shared/concerns/create';
import { insertRecord } from '../../shared/data/liaisonRecords';
import { invalid, isDuplicateKey } from '../../shared/errors';
import { addDays } from '../../shared/time';
import { chinaInstant } from '../domain/period';
import { profileOf } from '../domain/profile';

/**
 * A member logs a liaison activity; each concern raised in it goes into the concerns workflow
 * with the member as its source. Ids come from the request, so a retry stores nothing twice.
 */
export default defineAction({
  name: 'liaison.log',
  roles: ['member'],
  mutates: true,
  retrySafe: true,
  async handler(input, ctx) {
    const user = await ctx.user();
    const date = chinaInstant(input.date, input.time);
    if (date.getTime() > ctx.now.getTime() + 5 * 60_000) throw invalid({ date: '联系日期不能晚于现在' });
    if (date < addDays(ctx.now, -LIAISON_BACKDATE_DAYS)) throw invalid({ date: '只能补记一年内的联系活动' });

    const { profile } = await profileOf(user);
    const contacts = input.contactIds.map((id) => profile.contacts.find((c) => c.id === id));
    if (contacts.some((c) => !c)) throw invalid({ contactIds: '所选联系人已被删除，请重新选择' });
    const pairing = input.pairingId ? profile.pairings.find((p) => p.id === input.pairingId) : null;
    if (input.pairingId && !pairing) throw invalid({ pairingId: '所选结对对象已被删除，请重新选择' });

    // Everything is checked before anything is stored, so a risky concern leaves no record behind.
    await checkContent(ctx.openid, {
      text: `${input.place}\n${input.summary}`,
      textField: 'summary',
      photos: input.photos,
    });
    await Promise.all(
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
      createdAt: ctx.now,
    };
    // A retry after a partial failure finds its own record (same id) and goes on with the rest.
    await insertRecord(record).catch(ignoreDuplicate);
    for (const [i, c] of input.concerns.entries()) {
      await createConcern(
        { workstationId: user.workstationIds?.[0] ?? null, unitId: user.unitId, sectorId: user.sectorId ?? null, ...c },
        {
          id: record.concernIds[i],
          now: ctx.now,
          checkOpenid: ctx.openid,
          source: 'member',
          recorder: { userId: user._id, name: user.name },
          consentNote: `来自委员联系记录：${input.date} ${input.place}`,
        },
      ).catch(ignoreDuplicate);
    }
    ctx.audit(`liaison_records/${record._id}`, null, record);
    return { _id: record._id, concernIds: record.concernIds };
  },
});

function ignoreDuplicate(err: unknown) {
  if (!isDuplicateKey(err)) throw err;
  return null;
}
