/**
 * What the retention job reads and writes: the units' retention settings, the oldest records not
 * yet stripped of personal data, and the stripping itself (a guarded update, so a second run or a
 * retry changes nothing more).
 */
import { _, cloud, db } from '../cloud';

/** Each unit's own retention in years (served by unit_settings' retention index). */
export async function retentionYearsByUnit(): Promise<Map<string, number>> {
  const { data } = await db
    .collection('unit_settings')
    .where({ retentionYears: _.gt(0) })
    .limit(1000)
    .get();
  return new Map((data as { _id: string; retentionYears: number }[]).map((s) => [s._id, s.retentionYears]));
}

/**
 * The oldest records still holding personal data whose `field` lies between `after` and `before`
 * (served by the collection's deidentified_<field> index: a stripped record leaves the range).
 */
export async function notDeidentified<T>(
  collection: string,
  field: string,
  after: Date,
  before: Date,
  limit: number,
): Promise<T[]> {
  const { data } = await db
    .collection(collection)
    .where({ deidentifiedAt: null, [field]: _.gt(after).and(_.lt(before)) })
    .orderBy(field, 'asc')
    .limit(limit)
    .get();
  return data as T[];
}

export async function stripPersonal(collection: string, id: string, set: Record<string, unknown>): Promise<boolean> {
  const res = await db.collection(collection).where({ _id: id, deidentifiedAt: null }).update({ data: set });
  return res.stats.updated === 1;
}

/** Removes stored files (photos); one that is already gone is not an error. */
export async function deleteFiles(fileIDs: string[]): Promise<void> {
  for (let i = 0; i < fileIDs.length; i += 50) await cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) });
}
