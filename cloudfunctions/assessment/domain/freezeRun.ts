/**
 * One run of a quarter's freeze (a chain of invocations, as the export job runs): take the
 * freeze's lease; while members are left, count the next `perRun` of them (in `_id` order after
 * the cursor), write their lines as pages and add their scores to the per-sector tally; once all
 * are counted, a pass over the stored pages, ten at a time, writes each line's sector rank and the
 * members' results; then the quarter is marked frozen. Progress is recorded after each step, so a
 * run that dies costs one step, done again (same page ids, results removed first) by the next.
 */
import type { AssessmentSnapshot, FreezeProgress, MemberAssessment, OrgUnit, SectorScores, User } from '@lxq/types';
import {
  advanceFreeze,
  claimFreezeRun,
  getSnapshot,
  membersAfter,
  readPageRange,
  releaseFreeze,
  removePagesFrom,
  removeResults,
  removeResultsOf,
  rewritePages,
  updateSnapshotIfVersion,
  writeLinePages,
  writeResults,
} from '../../shared/data/assessmentSnapshots';
import { getUnit } from '../../shared/data/units';
import { countMembers, scoreMembers, withCommittees } from './members';
import { askedPeriod } from './period';
import { resultsOf } from './snapshot';

/** Members counted per run unless the freeze says otherwise: about 1–3 s of aggregates. */
export const PER_RUN = 1000;
/** A run's lease outlives its time in the function (60 s), so a live run is never taken over. */
export const LEASE_MS = 75_000;
/** Pages ranked per step: ten pages of 200 lines is what one read returns. */
const RANK_PAGES = 10;

export type RunResult = 'busy' | 'more' | 'done';

export const newLease = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** What a new claim starts from. */
export const startProgress = (perRun: number, total: number): FreezeProgress => ({
  perRun,
  total,
  done: 0,
  cursor: '',
  counted: false,
  pages: 0,
  ranked: 0,
  scores: [],
  runs: 0,
});

/**
 * Runs the freeze until its step budget is spent. `lease` is the caller's: a retried request
 * passes the same one and takes back the lease its first attempt held.
 */
export async function runFreeze(
  id: string,
  budgetMs: number,
  lease = newLease(),
  /** The header as the caller just wrote it (a new claim), and its unit: not read again. */
  known?: { snap: AssessmentSnapshot; unit: OrgUnit },
): Promise<{ result: RunResult; snap: AssessmentSnapshot | null }> {
  const started = Date.now();
  if (!(await claimFreezeRun(id, lease, new Date(), LEASE_MS))) return { result: 'busy', snap: null };
  const snap = known ? structuredClone(known.snap) : await getSnapshot(id);
  if (!snap?.progress || snap.status !== 'freezing') return { result: 'busy', snap: null };
  const p = snap.progress;
  if (known) p.runs += 1;
  const unit = known?.unit ?? (await getUnit(snap.unitId));
  const advance = async () => {
    if (!(await advanceFreeze(id, snap.version, lease, p, new Date(), LEASE_MS))) throw new Lost();
  };
  try {
    if (!p.counted) {
      const users = await membersAfter(snap.unitId, p.cursor, p.perRun);
      if (users.length) {
        const lines = await linesOf(snap, unit, users);
        const pages = await writeLinePages(id, p.pages, lines);
        Object.assign(p, { done: p.done + users.length, cursor: users[users.length - 1]._id, pages: p.pages + pages });
        p.scores = tallied(p.scores, lines);
      }
      p.counted = users.length < p.perRun;
      await advance();
    }
    while (p.counted && p.ranked < p.pages && Date.now() - started < budgetMs) {
      const to = Math.min(p.pages, p.ranked + RANK_PAGES);
      const pages = await readPageRange(id, p.ranked, to);
      const rankOf = ranker(p.scores);
      const members = pages.flatMap((pg) => pg.members);
      for (const m of members) Object.assign(m, rankOf(m));
      // The first step also clears what a stalled chain of an earlier claim left.
      const cleared =
        p.ranked === 0
          ? removeResults(id)
          : removeResultsOf(
              id,
              members.map((m) => m.userId),
            );
      await Promise.all([rewritePages(pages), cleared]);
      await writeResults(resultsOf(id, snap.unitId, { year: snap.year, quarter: snap.quarter }, members));
      p.ranked = to;
      await advance();
    }
    if (p.counted && p.ranked >= p.pages) {
      // A quarter frozen for the first time has no pages of an earlier freeze to remove.
      if (snap.claimedFrom) await removePagesFrom(id, p.pages);
      // The tally stays on the header: the list finds a page of lines from it (lines.ts).
      const done = {
        status: 'frozen' as const,
        pages: p.pages,
        memberCount: p.done,
        scores: p.scores,
        progress: null,
        lease: '',
      };
      if (!(await updateSnapshotIfVersion(id, snap.version, done, snap))) return { result: 'busy', snap: null };
      return { result: 'done', snap: { ...snap, ...done, version: snap.version + 1 } };
    }
    await releaseFreeze(id, lease, new Date());
    return { result: 'more', snap };
  } catch (err) {
    // Another freeze claimed the quarter meanwhile (after this chain stalled): it does the work.
    if (err instanceof Lost) return { result: 'busy', snap: null };
    throw err;
  }
}

class Lost extends Error {}

/** The chunk's lines under the weights the claim stored, with their committees. */
async function linesOf(snap: AssessmentSnapshot, unit: OrgUnit, users: User[]): Promise<MemberAssessment[]> {
  const now = new Date();
  const period = askedPeriod({ year: snap.year, quarter: snap.quarter }, now);
  const counted = await countMembers(unit, period, now, users);
  const lines = await scoreMembers(counted, snap.weights);
  await withCommittees(unit.path, lines, new Map(users.map((u) => [u._id, u])));
  return lines;
}

/**
 * The tally with these lines' scores added: per sector, each distinct score, how many have it and
 * how many of those fall short of a quota (the list's 只看未达标 pages are found from these).
 */
export function tallied(scores: SectorScores[], lines: MemberAssessment[]): SectorScores[] {
  type Count = { n: number; behind: number };
  const out = new Map(
    scores.map((s) => [s.sector, new Map(s.counts.map((c) => [c.score, { n: c.n, behind: c.behind ?? 0 }]))]),
  );
  for (const l of lines) {
    const counts = out.get(l.sectorName) ?? new Map<number, Count>();
    const c = counts.get(l.score) ?? { n: 0, behind: 0 };
    counts.set(l.score, { n: c.n + 1, behind: c.behind + (l.shortfalls.length > 0 ? 1 : 0) });
    out.set(l.sectorName, counts);
  }
  return [...out].map(([sector, counts]) => ({
    sector,
    counts: [...counts].map(([score, c]) => ({ score, n: c.n, behind: c.behind })),
  }));
}

/** Competition ranks from the tally (1 + how many in the sector scored more), as score.ts ranks. */
export function ranker(scores: SectorScores[]) {
  const bySector = new Map(scores.map((s) => [s.sector, s.counts]));
  return (m: MemberAssessment) => {
    const counts = bySector.get(m.sectorName) ?? [];
    let above = 0;
    let size = 0;
    for (const c of counts) {
      size += c.n;
      if (c.score > m.score) above += c.n;
    }
    return { sectorRank: above + 1, sectorSize: size };
  };
}
