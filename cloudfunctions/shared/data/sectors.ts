import type { Sector } from '@lxq/types';
import { db } from '../cloud';

export async function listSectors(unitId: string): Promise<Sector[]> {
  const { data } = await db.collection('sectors').where({ unitId }).orderBy('order', 'asc').limit(100).get();
  return data as Sector[];
}

export async function getSectorsByIds(ids: string[]): Promise<Map<string, Sector>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return new Map();
  const { data } = await db
    .collection('sectors')
    .where({ _id: db.command.in(unique) })
    .limit(unique.length)
    .get();
  return new Map((data as Sector[]).map((s) => [s._id, s]));
}

export async function getSector(id: string): Promise<Sector | null> {
  const { data } = await db.collection('sectors').where({ _id: id }).limit(1).get();
  return (data[0] as Sector) ?? null;
}

/** Creates or replaces a sector under its id (a new one's id comes from the request, so a retry stores it once). */
export async function saveSector(sector: Sector): Promise<void> {
  const { _id, ...rest } = sector;
  await db.collection('sectors').doc(_id).set({ data: rest });
}
