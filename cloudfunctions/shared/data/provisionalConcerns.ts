import type { Concern } from '@lxq/types';
import { db } from '../cloud';

const concerns = () => db.collection('concerns');

/** Concerns whose deadline is provisional, by deadline, past the first `skip`. */
export async function provisionalBatch(skip: number, limit: number): Promise<Concern[]> {
  const { data } = await concerns().where({ provisional: true }).orderBy('dueAt', 'asc').skip(skip).limit(limit).get();
  return data as Concern[];
}

/** Sets a recomputed accept deadline, only while the concern still waits for acceptance. */
export async function setAcceptDeadline(id: string, at: Date, provisional: boolean, now: Date): Promise<boolean> {
  const { stats } = await concerns()
    .where({ _id: id, status: 'submitted', provisional: true })
    .update({ data: { acceptDueAt: at, dueAt: at, provisional, updatedAt: now } });
  return stats.updated > 0;
}

/** Once accepted (or answered), a concern's running deadline is its reply one: nothing provisional. */
export async function clearProvisional(id: string): Promise<void> {
  await concerns()
    .where({ _id: id, provisional: true })
    .update({ data: { provisional: false } });
}
