import type { LiaisonGridEntry } from '@lxq/types';
import { db } from '../cloud';

/** The groups a director or convener leads (a handful at most). */
export async function gridOfLeader(leaderId: string): Promise<LiaisonGridEntry[]> {
  const { data } = await db.collection('liaison_grid').where({ leaderId }).limit(20).get();
  return data as LiaisonGridEntry[];
}
