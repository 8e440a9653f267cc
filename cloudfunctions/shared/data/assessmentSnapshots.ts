import type { AssessmentResult, AssessmentSnapshot } from '@lxq/types';
import { _, db } from '../cloud';
import { asFound, changeMark, createMark } from '../rewind';

const snapshots = () => db.collection('assessment_snapshots');
const results = () => db.collection('assessment_results');

export const snapshotId = (unitId: string, year: number, quarter: number) => `${unitId}_${year}_Q${quarter}`;

export async function getSnapshot(id: string): Promise<AssessmentSnapshot | null> {
  const { data } = await snapshots().where({ _id: id }).limit(1).get();
  return (data[0] as AssessmentSnapshot) ?? null;
}

/** Stores a first freeze under its fixed id: a second freeze at the same time fails on the duplicate key. */
export async function insertSnapshot(doc: AssessmentSnapshot): Promise<void> {
  await snapshots().add({ data: { ...doc, ...createMark() } });
}

/**
 * The snapshot as this request first found it, and whether this request already changed it: a
 * freeze or reopen retried after dying past its write finishes what came after (rewind.ts).
 */
export async function snapshotAsFound(id: string) {
  return asFound(await getSnapshot(id));
}

/** Applies a change only to the version that was read (a freeze after a reopen, a reopen). */
export async function updateSnapshotIfVersion(
  id: string,
  version: number,
  patch: Partial<AssessmentSnapshot>,
  before: AssessmentSnapshot,
): Promise<boolean> {
  const set = { ...patch, version: version + 1 };
  const { stats } = await snapshots()
    .where({ _id: id, version })
    .update({ data: { ...set, ...changeMark(before, set) } });
  return stats.updated === 1;
}

/** The members' results of a freeze, in batches; ids are fixed, so writing them again replaces nothing twice. */
export async function insertResults(list: AssessmentResult[]): Promise<void> {
  for (let i = 0; i < list.length; i += 100) {
    await results().add({ data: list.slice(i, i + 100) });
  }
}

export async function removeResults(snapshot: string): Promise<void> {
  await results().where({ snapshotId: snapshot }).remove();
}

/** A unit's frozen quarters of these years, without their member lines (served by unit_year). */
export async function frozenQuarters(unitId: string, years: number[]) {
  const { data } = await snapshots()
    .where({ unitId, year: _.in(years), status: 'frozen' })
    .field({ year: true, quarter: true, frozenAt: true })
    .limit(8)
    .get();
  return data as Pick<AssessmentSnapshot, '_id' | 'year' | 'quarter' | 'frozenAt'>[];
}
