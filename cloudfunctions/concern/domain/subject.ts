/** What staff's data-subject tool finds about a person, as it lists them (phones masked). */
import { concernNo, type Concern, type Reception, type SubjectConcern, type SubjectReception } from '@lxq/types';
import { concernsOfPerson, receptionsOfPerson } from '../../shared/data/subject';
import { maskPhone } from '../../shared/mask';
import { iso } from '../../shared/time';

export interface Found {
  concerns: Concern[];
  receptions: Reception[];
}

export async function findPerson(unitId: string, who: { phone?: string; openid?: string }): Promise<Found> {
  const [concerns, receptions] = await Promise.all([
    concernsOfPerson(unitId, who),
    receptionsOfPerson(unitId, who.phone),
  ]);
  return { concerns, receptions };
}

export const subjectConcern = (c: Concern): SubjectConcern => ({
  _id: c._id,
  no: concernNo(c._id),
  title: c.title,
  status: c.status,
  workstationName: c.workstationName ?? null,
  createdAt: iso(c.createdAt)!,
  phone: c.phone ? maskPhone(c.phone) : null,
  anonymous: !!c.anonymous,
  photos: (c.photos?.length ?? 0) + (c.reply?.photos.length ?? 0),
  hasLocation: !!c.location,
  deidentified: !!c.deidentifiedAt,
});

export const subjectReception = (r: Reception): SubjectReception => ({
  _id: r._id,
  date: r.date,
  workstationName: r.workstationName,
  topic: r.topic,
  visitorName: r.visitorName ? `${r.visitorName.slice(0, 1)}**` : null,
  visitorPhone: r.visitorPhone ? maskPhone(r.visitorPhone) : null,
  deidentified: !!r.deidentifiedAt,
});

/** Who the audit entry is about, without writing the phone into the log in full. */
export const subjectLabel = (who: { phone?: string; openid?: string }) =>
  who.phone ? `phone:${maskPhone(who.phone)}` : `openid:${who.openid}`;
