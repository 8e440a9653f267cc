/**
 * Everything stored about one person within a unit's subtree, for staff's data-subject tool:
 * concerns by the phone they left or by their openid, duty receptions by the phone they gave.
 */
import type { Concern, Reception } from '@lxq/types';
import { db } from '../cloud';

/** More than one person's concerns and receptions: the tool lists them all. */
const MAX = 200;

export async function concernsOfPerson(unitId: string, who: { phone?: string; openid?: string }): Promise<Concern[]> {
  const found = new Map<string, Concern>();
  const add = (rows: Concern[]) => rows.forEach((c) => found.set(c._id, c));
  if (who.phone) {
    const { data } = await db.collection('concerns').where({ unitPath: unitId, phone: who.phone }).limit(MAX).get();
    add(data as Concern[]);
  }
  // The phone leads to the openid(s) it was left from: their concerns without a phone are theirs too.
  const openids = new Set([who.openid, ...[...found.values()].map((c) => c.submitterOpenid)].filter(Boolean));
  for (const openid of openids) {
    const { data } = await db
      .collection('concerns')
      .where({ submitterOpenid: openid, unitPath: unitId })
      .limit(MAX)
      .get();
    add(data as Concern[]);
  }
  return [...found.values()].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
}

export async function receptionsOfPerson(unitId: string, phone: string | undefined): Promise<Reception[]> {
  if (!phone) return [];
  const { data } = await db.collection('receptions').where({ unitPath: unitId, visitorPhone: phone }).limit(MAX).get();
  return data as Reception[];
}
