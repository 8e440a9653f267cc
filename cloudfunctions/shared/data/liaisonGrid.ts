import type { LiaisonGridEntry } from '@lxq/types';
import { db } from '../cloud';
import { pageOf } from './page';

const grid = () => db.collection('liaison_grid');

/** The groups a director or convener leads (a handful at most). */
export async function gridOfLeader(leaderId: string): Promise<LiaisonGridEntry[]> {
  const { data } = await grid().where({ leaderId }).limit(20).get();
  return data as LiaisonGridEntry[];
}

/** The groups of a unit subtree by name, a page at a time (served by unit_path). */
export async function pageGridInUnit(unitId: string, page: number, pageSize: number) {
  return pageOf<LiaisonGridEntry>(grid().where({ unitPath: unitId }), ['groupName', 'asc'], page, pageSize);
}

export async function getGridEntry(id: string): Promise<LiaisonGridEntry | null> {
  const { data } = await grid().where({ _id: id }).limit(1).get();
  return (data[0] as LiaisonGridEntry) ?? null;
}

export async function saveGridEntry(entry: LiaisonGridEntry): Promise<void> {
  const { _id, ...rest } = entry;
  await grid().doc(_id).set({ data: rest });
}

export async function removeGridEntry(id: string): Promise<void> {
  await grid().doc(id).remove();
}
