/**
 * What removing a person's data from a record means, in one place for the retention job and for
 * staff's data-subject tool: a concern loses its phone, the submitter's openid (in it and in its
 * timeline), its photos (the files are deleted) and its exact place (rounded to about a kilometre,
 * address dropped); a duty reception loses the visitor's name and phone. Category, status, unit,
 * dates and text stay, so the figures are unchanged. Each answers the fields to set.
 */
import type { Concern } from '@lxq/types';
import { deleteFiles } from './data/retention';

/** About a kilometre: enough for where concerns gather, not for whose door it was. */
const coarse = (v: number) => Math.round(v * 100) / 100;

export async function concernWithoutPerson(c: Concern, now: Date): Promise<Record<string, unknown>> {
  await deleteFiles([...(c.photos ?? []), ...(c.reply?.photos ?? [])]);
  return {
    phone: null,
    submitterOpenid: '',
    location: c.location ? { lat: coarse(c.location.lat), lng: coarse(c.location.lng) } : null,
    address: null,
    photos: [],
    ...(c.reply ? { 'reply.photos': [] } : {}),
    mediaChecks: [],
    hiddenPhotos: [],
    timeline: c.timeline.map((e) => (e.by && e.by === c.submitterOpenid ? { ...e, by: '' } : e)),
    deidentifiedAt: now,
  };
}

export function receptionWithoutPerson(now: Date): Record<string, unknown> {
  return { visitorName: null, visitorPhone: null, deidentifiedAt: now };
}
