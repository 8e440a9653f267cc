import type { LiaisonContact, LiaisonRecord, LiaisonRecordView } from '@lxq/types';
import { tempFileUrls } from '../../shared/cloud';
import { submittedFromRecords } from '../../shared/data/reports';
import { getSectorsByIds } from '../../shared/data/sectors';
import { maskPhone } from '../../shared/mask';
import { iso } from '../../shared/time';

/**
 * Records as the client sees them: sector names, photo links and the reports they fed resolved
 * for the whole page at once (the filed proposals they fed are kept on the record).
 */
export async function recordViews(records: LiaisonRecord[]): Promise<LiaisonRecordView[]> {
  const [sectors, urls, reports] = await Promise.all([
    getSectorsByIds(records.map((r) => r.sectorId ?? '')),
    tempFileUrls(records.flatMap((r) => r.photos)),
    submittedFromRecords(records.map((r) => r._id)),
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
    fed: [
      ...reports
        .filter((x) => x.liaisonIds.includes(r._id))
        .map((x) => ({ kind: 'report' as const, _id: x._id, title: x.title })),
      ...Object.entries(r.proposalLinks ?? {}).map(([_id, l]) => ({ kind: 'proposal' as const, _id, title: l.title })),
    ],
  }));
}

/** A contact as anyone but its own member sees it: the phone masked. */
export const maskedContact = (c: LiaisonContact): LiaisonContact => ({ ...c, phone: maskPhone(c.phone) });
