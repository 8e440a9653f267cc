import type {
  AssessmentResult,
  AssessmentSnapshot,
  AssessmentSnapshotPage,
  FreezeProgress,
  MemberAssessment,
  User,
} from '@lxq/types';
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
 * Member lines as pages from page `from` on, under ids of the snapshot and page number: a run
 * that is done again writes the same documents, so a retry after a timeout finishes the work
 * instead of doubling it. Answers how many pages it wrote.
 */
export async function writeLinePages(snapshot: string, from: number, members: MemberAssessment[]): Promise<number> {
  const chunks: MemberAssessment[][] = [];
  for (let i = 0; i < members.length; i += SNAPSHOT_PAGE) chunks.push(members.slice(i, i + SNAPSHOT_PAGE));
  await inWaves(chunks, (chunk, k) =>
    pages()
      .doc(`${snapshot}_p${from + k}`)
      .set({ data: { snapshotId: snapshot, n: from + k, members: chunk } }),
  );
  return chunks.length;
}

/** Every member line as pages from page 0, and no page left beyond them (the demo's freeze). */
export async function writePages(snapshot: string, members: MemberAssessment[]): Promise<number> {
  const count = await writeLinePages(snapshot, 0, members);
  await removePagesFrom(snapshot, count);
  return count;
}

/** Pages left from an earlier freeze of more members, past the `count` this one wrote. */
export async function removePagesFrom(snapshot: string, count: number): Promise<void> {
  await pages()
    .where({ snapshotId: snapshot, n: _.gte(count) })
    .remove();
}

/** Pages `from` to `to` (exclusive) of a snapshot, in order: ten at most, as readPages reads them. */
export async function readPageRange(snapshot: string, from: number, to: number): Promise<AssessmentSnapshotPage[]> {
  const { data } = await pages()
    .where({ snapshotId: snapshot, n: _.gte(from).and(_.lt(to)) })
    .limit(to - from)
    .get();
  return (data as AssessmentSnapshotPage[]).sort((a, b) => a.n - b.n);
}

export async function rewritePages(list: AssessmentSnapshotPage[]): Promise<void> {
  await inWaves(list, (p) =>
    pages()
      .doc(p._id)
      .set({ data: { snapshotId: p.snapshotId, n: p.n, members: p.members } }),
  );
}

/**
 * Members of a subtree after `cursor` in `_id` order (users.unit_path_id): a freeze reads them run
 * by run, and a member added meanwhile neither shifts the rest nor is counted twice.
 */
export async function membersAfter(unitId: string, cursor: string, limit: number): Promise<User[]> {
  const { data } = await db
    .collection('users')
    .where({ unitPath: unitId, roles: 'member', _id: _.gt(cursor) })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as User[];
}

/** Takes a freeze's run lease when it has passed, or when `lease` already holds it (a retried request). */
export async function claimFreezeRun(id: string, lease: string, now: Date, leaseMs: number): Promise<boolean> {
  const { stats } = await snapshots()
    .where(
      _.or([
        { _id: id, status: 'freezing', leaseUntil: _.lte(now) },
        { _id: id, status: 'freezing', lease },
      ]),
    )
    .update({ data: { lease, leaseUntil: new Date(now.getTime() + leaseMs), 'progress.runs': _.inc(1) } });
  return stats.updated === 1;
}

/** Records a run's progress while it holds the lease of this claim (`version`); the claim's heartbeat. */
export async function advanceFreeze(
  id: string,
  version: number,
  lease: string,
  progress: FreezeProgress,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const { stats } = await snapshots()
    .where({ _id: id, version, lease })
    .update({ data: { progress: _.set(progress), claimedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) } });
  return stats.updated === 1;
}

/** Lets the next run (a kick or the timer) take the freeze at once. */
export async function releaseFreeze(id: string, lease: string, now: Date): Promise<void> {
  await snapshots()
    .where({ _id: id, lease })
    .update({ data: { leaseUntil: now } });
}

/** Freezes whose chain stopped (its lease passed): the timer resumes them (assessment_snapshots.status_lease). */
export async function stalledFreezes(now: Date, limit: number): Promise<AssessmentSnapshot[]> {
  const { data } = await snapshots()
    .where({ status: 'freezing', leaseUntil: _.lte(now) })
    .orderBy('leaseUntil', 'asc')
    .limit(limit)
    .get();
  return data as AssessmentSnapshot[];
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

/** The members of a frozen quarter of one sector with one score (only those short of a quota, if asked). */
const withScore = (snapshot: string, sectorName: string, score: number, short: boolean) =>
  results().where({ snapshotId: snapshot, sectorName, score, ...(short ? { behind: true } : {}) });

/**
 * Those members' lines, `size` of them (the freeze's tally), from their results
 * (assessment_results.snapshot_sector_score), a thousand a read, ten reads at a time.
 */
export async function linesWithScore(
  snapshot: string,
  sectorName: string,
  score: number,
  short: boolean,
  size: number,
): Promise<MemberAssessment[]> {
  const skips = Array.from({ length: Math.ceil(size / 1000) }, (_x, k) => k * 1000);
  const out: AssessmentResult[][] = [];
  await inWaves(skips, async (skip, k) => {
    const { data } = await withScore(snapshot, sectorName, score, short)
      .orderBy('memberId', 'asc')
      .skip(skip)
      .limit(1000)
      .get();
    out[k] = data as AssessmentResult[];
  });
  return out.flat().flatMap((r) => (r.line ? [r.line] : []));
}

/** Only the names of those members, by member id: a few dozen bytes each where a line is 1–2 KB. */
export async function namesWithScore(
  snapshot: string,
  sectorName: string,
  score: number,
  short: boolean,
  size: number,
): Promise<{ memberId: string; name: string }[]> {
  const skips = Array.from({ length: Math.ceil(size / 1000) }, (_x, k) => k * 1000);
  const out: { memberId: string; name: string }[][] = [];
  await inWaves(skips, async (skip, k) => {
    const { data } = await withScore(snapshot, sectorName, score, short)
      .orderBy('memberId', 'asc')
      .field({ memberId: true, 'line.name': true })
      .skip(skip)
      .limit(1000)
      .get();
    out[k] = (data as { memberId: string; line?: { name: string } }[]).map((r) => ({
      memberId: r.memberId,
      name: r.line?.name ?? '',
    }));
  });
  return out.flat();
}

/** These members' lines of a frozen quarter (a page's worth), by their results' ids. */
export async function linesOfMembers(snapshot: string, memberIds: string[]): Promise<MemberAssessment[]> {
  if (!memberIds.length) return [];
  const { data } = await results()
    .where({ _id: _.in(memberIds.map((m) => `${snapshot}_${m}`)) })
    .limit(memberIds.length)
    .get();
  const byId = new Map((data as AssessmentResult[]).map((r) => [r.memberId, r.line]));
  return memberIds.flatMap((m) => {
    const line = byId.get(m);
    return line ? [line] : [];
  });
}

export async function removePages(snapshot: string): Promise<void> {
  await pages().where({ snapshotId: snapshot }).remove();
}

/** These members' results of a freeze, before a run that may have died after adding them adds them again. */
export async function removeResultsOf(snapshot: string, memberIds: string[]): Promise<void> {
  await results()
    .where({ snapshotId: snapshot, memberId: _.in(memberIds) })
    .remove();
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
