import type { AssessmentResult, AssessmentSnapshot, AssessmentSnapshotPage, MemberAssessment } from '@lxq/types';
import { SNAPSHOT_PAGE } from '@lxq/types';
import { _, db } from '../cloud';
import { asFound, changeMark, createMark } from '../rewind';

const snapshots = () => db.collection('assessment_snapshots');
const pages = () => db.collection('assessment_snapshot_pages');
const results = () => db.collection('assessment_results');

export const snapshotId = (unitId: string, year: number, quarter: number) => `${unitId}_${year}_Q${quarter}`;

export async function getSnapshot(id: string): Promise<AssessmentSnapshot | null> {
  const { data } = await snapshots().where({ _id: id }).limit(1).get();
  return (data[0] as AssessmentSnapshot) ?? null;
}

/** Claims a first freeze under its fixed id: a second freeze at the same time fails on the duplicate key. */
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

/** Applies a change only to the version that was read (a claim, a freeze's end, a reopen). */
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

/** Writes in waves of this many requests: fast, without flooding the database with a city's pages at once. */
const WAVE = 10;

async function inWaves<T>(items: T[], write: (item: T, k: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += WAVE) {
    await Promise.all(items.slice(i, i + WAVE).map((item, k) => write(item, i + k)));
  }
}

/**
 * The member lines as pages under ids of the snapshot and page number: a freeze that is run again
 * writes the same documents, so a retry after a timeout finishes the work instead of doubling
 * it. Pages left from an earlier freeze of more members are removed. Answers the page count.
 */
export async function writePages(snapshot: string, members: MemberAssessment[]): Promise<number> {
  const chunks: MemberAssessment[][] = [];
  for (let i = 0; i < members.length; i += SNAPSHOT_PAGE) chunks.push(members.slice(i, i + SNAPSHOT_PAGE));
  await inWaves(chunks, (chunk, n) =>
    pages()
      .doc(`${snapshot}_p${n}`)
      .set({ data: { snapshotId: snapshot, n, members: chunk } }),
  );
  await pages()
    .where({ snapshotId: snapshot, n: _.gte(chunks.length) })
    .remove();
  return chunks.length;
}

/** Pages per read: ten pages of 200 lines is a few MB at most in one answer. */
const PAGES_PER_READ = 10;

/** Every member line of a frozen quarter: its pages read in parallel, ten a request. */
export async function readPages(snapshot: string, count: number): Promise<MemberAssessment[]> {
  const reads: Promise<{ data: unknown[] }>[] = [];
  for (let n = 0; n < count; n += PAGES_PER_READ) {
    reads.push(
      pages()
        .where({ snapshotId: snapshot, n: _.gte(n).and(_.lt(Math.min(n + PAGES_PER_READ, count))) })
        .limit(PAGES_PER_READ)
        .get(),
    );
  }
  const got = (await Promise.all(reads)).flatMap((r) => r.data as AssessmentSnapshotPage[]);
  return got.sort((a, b) => a.n - b.n).flatMap((p) => p.members);
}

export async function removePages(snapshot: string): Promise<void> {
  await pages().where({ snapshotId: snapshot }).remove();
}

/** The members' results of a freeze, added in batches once removeResults has cleared an earlier attempt's. */
export async function writeResults(list: AssessmentResult[]): Promise<void> {
  const batches: AssessmentResult[][] = [];
  for (let i = 0; i < list.length; i += 100) batches.push(list.slice(i, i + 100));
  await inWaves(batches, (batch) => results().add({ data: batch }));
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
