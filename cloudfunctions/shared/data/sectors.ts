import type { Sector } from '@lxq/types';
import { db } from '../cloud';

export async function listSectors(unitId: string): Promise<Sector[]> {
  const { data } = await db.collection('sectors').where({ unitId }).orderBy('order', 'asc').limit(100).get();
  return data as Sector[];
}
