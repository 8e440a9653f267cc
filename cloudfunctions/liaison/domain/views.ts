import type { LiaisonContact, LiaisonRecord, LiaisonRecordView } from '@lxq/types';
import { tempFileUrls } from '../../shared/cloud';
import { getSectorsByIds } from '../../shared/data/sectors';
import { maskPhone } from '../../shared/mask';
import { iso } from '../../shared/time';

/** Records as the client sees them: sector names and photo links resolved for the whole page at once. */
export async function recordViews(records: LiaisonRecord[]): Promise<LiaisonRecordView[]> {
  const [sectors, urls] = await Promise.all([
    getSectorsByIds(records.map((r) => r.sectorId ?? '')),
    tempFileUrls(records.flatMap((r) => r.photos)),
  ]);
  return records.map((r) => ({
    _id: r._id,
    memberId: r.memberId,
    memberName: r.memberName,
    sectorName: (r.sectorId && sectors.get(r.sectorId)?.name) || '',
    date: iso(r.date),
    channel: r.channel,
    occasion: r.occasion,
    place: r.place,
    groups: r.groups,
    personTimes: r.personTimes,
    services: r.services,
    summary: r.summary,
    // A photo the image check flagged is shown nowhere (the audit log says which).
    photos: r.photos
      .filter((fileID) => !r.hiddenPhotos?.includes(fileID))
      .map((fileID) => ({ fileID, url: urls.get(fileID) ?? '' })),
    contactNames: r.contactNames,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    concernIds: r.concernIds,
  }));
}

/** A contact as anyone but its own member sees it: the phone masked. */
export const maskedContact = (c: LiaisonContact): LiaisonContact => ({ ...c, phone: maskPhone(c.phone) });
