import type { LiaisonGridEntry } from '@lxq/types';
import { db } from '../cloud';
import { alreadyChanged, changeRecord, rewound } from '../rewind';
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

/** The entry, as this request first found it when it is a retry of a change already made (resume.ts). */
export async function getGridEntry(id: string): Promise<LiaisonGridEntry | null> {
  const { data } = await grid().where({ _id: id }).limit(1).get();
  const entry = (data[0] as LiaisonGridEntry) ?? null;
  if (entry && alreadyChanged(entry) && entry.lastChange?.created) return null;
  return entry && rewound(entry);
}

/** Stores the entry whole; `read` is how the caller found it (getGridEntry), null for a new one. */
export async function saveGridEntry(entry: LiaisonGridEntry, read: LiaisonGridEntry | null): Promise<void> {
  // This request stored it before it died: it is in (a new one is simply stored again, the same).
  if (read && alreadyChanged(read)) return;
  const { _id, ...rest } = entry;
  await grid()
    .doc(_id)
    .set({ data: { ...rest, ...changeRecord(read, rest) } });
}

export async function removeGridEntry(id: string): Promise<void> {
  await grid().doc(id).remove();
}
