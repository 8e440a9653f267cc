import type { AssessmentSnapshot, MemberAssessment, OrgUnit, User, Weights } from '@lxq/types';
import {
  getSnapshot,
  linesOfMembers,
  linesWithScore,
  namesWithScore,
  readPages,
  snapshotId,
} from '../../shared/data/assessmentSnapshots';
import { MEMBER_INDICATORS } from '../indicators';
import { countMembers, grouped, membersOf, scoreMembers, withCommittees } from './members';
import type { AskedPeriod } from './period';
import { ranks, scoreOf } from './score';

/**
 * The member lines of a period: a frozen quarter's from its snapshot (re-scored when other
 * weights are tried), any other period counted live.
 */
export async function linesOf(
  unit: OrgUnit,
  period: AskedPeriod,
  weights: Weights,
  now: Date,
  rescore: boolean,
  /** The period's snapshot when the caller has read it already. */
  known?: { snapshot: AssessmentSnapshot | null },
) {
  const snapshot = known ? known.snapshot : await snapshotOf(unit, period);
  if (snapshot?.status === 'frozen') {
    const frozen = await readPages(snapshot._id, snapshot.pages);
    const lines = rescore ? rescored(frozen, weights) : frozen;
    return { lines, snapshot, hasCommittees: lines.some((l) => l.committeeNames.length > 0), capped: false };
  }
  const { users, capped } = await membersOf(unit._id);
  const counted = await countMembers(unit, period, now, users);
  const lines = await scoreMembers(counted, weights);
  const hasCommittees = await withCommittees(
    unit.path,
    lines,
    new Map<string, User>(counted.users.map((u) => [u._id, u])),
  );
  return { lines, snapshot, hasCommittees, capped };
}

export const snapshotOf = async (unit: OrgUnit, period: AskedPeriod) =>
  period.quarter === null ? null : getSnapshot(snapshotId(unit._id, period.year, period.quarter));

export interface LineFilter {
  sector?: string;
  short?: boolean;
}
/** Lines `from` to `to` of a list in the screen's order, and how many lines the filter matches. */
export interface Window {
  groups: { name: string; members: MemberAssessment[] }[];
  total: number;
  behindCount: number;
}

/** A window of lines already in memory (a live period, a preview, the committee grouping). */
export function windowOf(
  lines: MemberAssessment[],
  by: 'sector' | 'committee',
  f: LineFilter,
  from: number,
  to: number,
): Window {
  const kept = lines.filter((l) => (!f.sector || l.sectorName === f.sector) && (!f.short || l.shortfalls.length > 0));
  const rows = grouped(kept, by).flatMap((g) => g.members.map((m) => ({ group: g.name, m })));
  return {
    groups: runs(rows.slice(from, to)),
    total: rows.length,
    behindCount: kept.filter((l) => l.shortfalls.length > 0).length,
  };
}

/**
 * A window of a frozen quarter by sector, without reading its pages: the tally kept on the header
 * says how many lines each sector has with each score, so the list's order (sector, score best
 * first, name) tells which (sector, score) runs hold lines `from` to `to`; only those are read,
 * from the members' results. Null for a snapshot frozen before the tally was kept.
 */
export async function frozenWindow(
  snapshot: AssessmentSnapshot,
  f: LineFilter,
  from: number,
  to: number,
): Promise<Window | null> {
  if (!snapshot.scores) return null;
  const sectors = snapshot.scores
    .filter((s) => !f.sector || s.sector === f.sector)
    .sort((a, b) => a.sector.localeCompare(b.sector, 'zh-CN'));
  let at = 0;
  let behindCount = 0;
  const reads: Promise<MemberAssessment[]>[] = [];
  for (const s of sectors) {
    for (const c of [...s.counts].sort((a, b) => b.score - a.score)) {
      const behind = c.behind ?? 0;
      const size = f.short ? behind : c.n;
      behindCount += behind;
      if (size > 0 && at < to && at + size > from) {
        const [skip, end] = [Math.max(0, from - at), to - at];
        reads.push(tieSlice(snapshot._id, s.sector, c.score, !!f.short, size, skip, end));
      }
      at += size;
    }
  }
  const rows = (await Promise.all(reads)).flat().map((m) => ({ group: m.sectorName, m }));
  return { groups: runs(rows), total: at, behindCount };
}

/**
 * Lines `skip` to `end` of one sector's members with one score, as grouped() orders a tie: by
 * name, then as the pages hold them (by member id). When only part of the run is asked (a sector's
 * thousands at 0 points), its names are read and sorted first and only the asked lines after.
 */
async function tieSlice(
  id: string,
  sector: string,
  score: number,
  short: boolean,
  size: number,
  skip: number,
  end: number,
) {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  if (skip === 0 && end >= size) return (await linesWithScore(id, sector, score, short, size)).sort(byName);
  const names = (await namesWithScore(id, sector, score, short, size)).sort(byName);
  return linesOfMembers(
    id,
    names.slice(skip, end).map((n) => n.memberId),
  );
}

/** Consecutive lines of one group, as the list's groups. */
function runs(rows: { group: string; m: MemberAssessment }[]) {
  const out: Window['groups'] = [];
  for (const { group, m } of rows) {
    const last = out[out.length - 1];
    if (last?.name === group) last.members.push(m);
    else out.push({ name: group, members: [m] });
  }
  return out;
}

function rescored(frozen: MemberAssessment[], weights: Weights): MemberAssessment[] {
  const lines = frozen.map((l) => ({ ...l, ...scoreOf(l.figures, weights, MEMBER_INDICATORS) }));
  const bySector = new Map<string, MemberAssessment[]>();
  for (const l of lines) bySector.set(l.sectorName, [...(bySector.get(l.sectorName) ?? []), l]);
  for (const group of bySector.values()) {
    const r = ranks(group);
    for (const l of group) l.sectorRank = r.get(l)!;
  }
  return lines;
}
